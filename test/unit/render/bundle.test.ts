import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTemplateProgram } from '../../../functions/build/compile-templates.js';
import { templatesModule } from '../../../functions/build/templates-module.js';
import { createRenderer } from '../../../functions/core/render/create-renderer.js';
import type { Renderer } from '../../../functions/core/render/renderer.js';
import { aFindingNotification } from '../../support/findings.js';
import { compiled, EN, renderer } from './compiled.js';

const dir = await mkdtemp(join(tmpdir(), 'render-bundle-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the Lambda side of rendering', () => {
  it('bundles create-renderer with the generated templates without MJML or Handlebars', async () => {
    // Prepare: the generated module, as build:templates writes it, and an entry like prebuilt.ts.
    await writeFile(
      join(dir, 'templates.ts'),
      templatesModule(await compileTemplateProgram('templates'), resolve('functions/core/render')),
    );
    await writeFile(
      join(dir, 'entry.ts'),
      `import { createRenderer } from ${JSON.stringify(resolve('functions/core/render/create-renderer.ts'))};\nimport { templates } from './templates.js';\nexport const renderer = createRenderer(templates);\n`,
    );
    // Act
    const result = await build({
      entryPoints: [join(dir, 'entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      metafile: true,
      write: true,
      outfile: join(dir, 'entry.mjs'),
      logLevel: 'silent',
    });
    // Assess
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => input.includes('node_modules/'))).toEqual([]);
    expect(inputs.some((input) => input.endsWith('template-runtime.ts'))).toBe(true);
    // The bundle renders the same email as the live renderer.
    const bundled = (await import(pathToFileURL(join(dir, 'entry.mjs')).href)) as { renderer: Renderer };
    const notification = aFindingNotification();
    expect(bundled.renderer.render(notification, EN)).toEqual(renderer.render(notification, EN));
  });

  it('renders with the functions it is given', () => {
    const email = createRenderer({ ...compiled, subject: () => 'fixed subject' }).render(aFindingNotification(), EN);
    expect(email.subject).toBe('fixed subject');
  });
});
