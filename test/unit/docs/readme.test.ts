import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, START, templateVariablesMarkdown } from '../../../functions/build/template-variables.js';
import { REPO_ROOT } from '../../support/fixtures.js';

const readReadme = () => readFile(join(REPO_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('lists exactly the template variables the view models declare (npm run docs:templates)', async () => {
    const readme = await readReadme();
    const block = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();

    expect(block).toBe(templateVariablesMarkdown().trim());
    expect(block).toContain('`finding.reasons[] { code, description }`');
  });

  it('gives the two quick-start commands', async () => {
    const readme = await readReadme();

    expect(readme).toContain('npm ci && npm run replay -- fixtures');
    expect(readme).toContain('npm ci && npm test');
  });
});
