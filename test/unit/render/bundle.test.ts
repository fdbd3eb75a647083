import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { templatesModule } from '../../../functions/build/templates-module.js';
import type { CompiledTemplates } from '../../../functions/core/render/compiled-templates.js';
import type { Renderer } from '../../../functions/core/render/renderer.js';
import { aFindingNotification } from '../../support/findings.js';
import { compiled, EN, renderer } from './compiled.js';

const dir = await mkdtemp(join(tmpdir(), 'render-bundle-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the Lambda side of rendering', () => {
  it('bundles create-renderer with the generated templates without MJML or the Handlebars compiler', async () => {
    // Prepare: the generated module, as build:templates writes it, and an entry like prebuilt.ts.
    const types = pathToFileURL(resolve('functions/core/render/compiled-templates.ts')).href;
    await writeFile(join(dir, 'templates.ts'), templatesModule(compiled, types));
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
    expect(inputs.filter((input) => input.includes('node_modules/mjml'))).toEqual([]);
    expect(inputs.filter((input) => /handlebars\/dist\/cjs\/handlebars\/compiler\//.test(input))).toEqual([]);
    expect(inputs.some((input) => input.includes('handlebars.runtime'))).toBe(true);
    // The bundle renders the same email as the live renderer.
    const bundled = (await import(pathToFileURL(join(dir, 'entry.mjs')).href)) as { renderer: Renderer };
    const notification = aFindingNotification();
    expect(bundled.renderer.render(notification, EN)).toEqual(renderer.render(notification, EN));
  });

  it('accepts precompiled specs as source text (live preview) or as objects (generated module)', async () => {
    const asObjects: CompiledTemplates = {
      ...compiled,
      subject: new Function(`return (${compiled.subject as string});`)() as object,
    };
    const { createRenderer } = await import('../../../functions/core/render/create-renderer.js');
    expect(createRenderer(asObjects).render(aFindingNotification(), EN).subject).toBe(renderer.render(aFindingNotification(), EN).subject);
  });
});
