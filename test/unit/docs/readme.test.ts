import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, START, templateVariablesMarkdown } from '../../../functions/build/template-variables.js';
import { REPO_ROOT } from '../../support/fixtures.js';

const read = (file: string) => readFile(join(REPO_ROOT, file), 'utf8');

/** Relative link targets of a markdown file, without their `#anchor`. */
function localLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].flatMap(([, target]) =>
    target && !/^[a-z]+:/.test(target) ? [target] : [],
  );
}

describe('README', () => {
  it('is a short front door (at most 12,000 bytes) with the two quick-start commands', async () => {
    const readme = await read('README.md');

    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12_000);
    expect(readme).toContain('npm ci && npm run replay -- fixtures');
    expect(readme).toContain('npm ci && npm test');
  });

  it('and the reference pages in docs/ link only to files that exist', async () => {
    const docs = (await readdir(join(REPO_ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
    const files = ['README.md', ...docs];
    const links = (
      await Promise.all(files.map(async (file) => localLinks(await read(file)).map((link) => join(dirname(file), link))))
    ).flat();

    expect(docs.length).toBeGreaterThanOrEqual(6);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !existsSync(join(REPO_ROOT, link)))).toEqual([]);
  });
});

describe('docs/templates.md', () => {
  it('lists exactly the template variables the view models declare (npm run docs:templates)', async () => {
    const doc = await read('docs/templates.md');
    const block = doc.slice(doc.indexOf(START) + START.length, doc.indexOf(END)).trim();

    expect(block).toBe(templateVariablesMarkdown().trim());
    expect(block).toContain('`finding.reasons[] { code, description }`');
  });
});

describe('docs/ARCHITECTURE.md', () => {
  it('names only folders and files that exist, so a newcomer finds each stage where the picture says', async () => {
    const doc = await read('docs/ARCHITECTURE.md');
    // Backticked paths: `core/…`, `notifier/…`, `adapters/…` are under functions/; the others under the root.
    const paths = [...doc.matchAll(/`((?:core|notifier|adapters|functions|infra|test|templates)\/[\w./-]*)`/g)].map(([, p]) =>
      /^(core|notifier|adapters)\//.test(p ?? '') ? `functions/${p}` : (p ?? ''),
    );

    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !existsSync(join(REPO_ROOT, p)))).toEqual([]);
  });
});
