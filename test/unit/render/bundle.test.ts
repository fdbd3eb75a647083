import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTemplatePrograms } from '../../../functions/build/compile-templates.js';
import { familyModule } from '../../../functions/build/templates-module.js';
import { TEMPLATE_FAMILIES } from '../../../functions/core/render/compiled-templates.js';
import { createRenderer } from '../../../functions/core/render/create-renderer.js';
import type { Renderer } from '../../../functions/core/render/renderer.js';
import { LAMBDA_ESBUILD_OPTIONS } from '../../../infra/lib/function-code.js';
import { PROJECT_ROOT } from '../../../infra/lib/paths.js';
import { aFindingNotification } from '../../support/findings.js';
import { ALL_NOTIFICATIONS } from './all-notifications.js';
import { compiled, EN, JA, renderer } from './compiled.js';

const dir = await mkdtemp(join(tmpdir(), 'render-bundle-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const RENDER = resolve('functions/core/render');

/** Bundles one family's renderer as its prebuilt module does, from a freshly generated module, and loads it. */
async function bundledFamily(family: 'alert' | 'summary'): Promise<{ renderer: Renderer; inputs: string[] }> {
  const programs = await compileTemplatePrograms('templates');
  await writeFile(join(dir, `${family}.ts`), familyModule(family, programs[family], RENDER));
  const [views, from] =
    family === 'alert' ? ['ALERT_VIEWS', `${RENDER}/alert-views.ts`] : ['SUMMARY_VIEWS', resolve('functions/core/summary/summary-view.ts')];
  await writeFile(
    join(dir, `${family}-entry.ts`),
    [
      `import { familyRenderer } from ${JSON.stringify(`${RENDER}/family-renderer.ts`)};`,
      `import { ${views} } from ${JSON.stringify(from)};`,
      `import { templates } from './${family}.js';`,
      `export const renderer = familyRenderer(templates, ${views});`,
    ].join('\n'),
  );
  const outfile = join(dir, `${family}-entry.mjs`);
  const result = await build({
    entryPoints: [join(dir, `${family}-entry.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    metafile: true,
    write: true,
    outfile,
    logLevel: 'silent',
  });
  const bundled = (await import(pathToFileURL(outfile).href)) as { renderer: Renderer };
  return { renderer: bundled.renderer, inputs: Object.keys(result.metafile.inputs) };
}

/**
 * The inputs that put code into a Lambda's bundle, built with the construct's own esbuild settings.
 * Files esbuild read but dropped entirely are not listed; a module whose code was all dropped
 * leaves at most esbuild's call to initialise its imports (`init_x();`), so code means over 20 bytes.
 */
async function bundleInputs(entry: string): Promise<string[]> {
  const result = await build({
    ...LAMBDA_ESBUILD_OPTIONS,
    entryPoints: [join(PROJECT_ROOT, entry)],
    absWorkingDir: PROJECT_ROOT,
    outfile: 'index.js',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'][string][] = Object.values(result.metafile.outputs);
  return outputs.flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 20)
      .map(([path]) => path),
  );
}

const matching = (inputs: readonly string[], pattern: RegExp) => inputs.filter((input) => pattern.test(input));

describe('the Lambda side of rendering', () => {
  it.each(['alert', 'summary'] as const)(
    'bundles the %s renderer with its generated module, without MJML or Handlebars, rendering what the live renderer renders',
    async (family) => {
      // Act
      const bundled = await bundledFamily(family);
      // Assess
      expect(bundled.inputs.filter((input) => input.includes('node_modules/'))).toEqual([]);
      expect(bundled.inputs.some((input) => input.endsWith('template-runtime.ts'))).toBe(true);
      // Its own kinds render as the live renderer renders them, in every locale: no label went missing.
      const own = ALL_NOTIFICATIONS.filter(({ notification }) =>
        (TEMPLATE_FAMILIES[family] as readonly string[]).includes(notification.kind),
      );
      expect(new Set(own.map(({ notification }) => notification.kind))).toEqual(new Set(TEMPLATE_FAMILIES[family]));
      for (const { notification } of own) {
        for (const options of [EN, JA])
          expect(bundled.renderer.render(notification, options)).toEqual(renderer.render(notification, options));
      }
      // Another family's kind is a wiring bug, said as such.
      const other = ALL_NOTIFICATIONS.find(
        ({ notification }) => !(TEMPLATE_FAMILIES[family] as readonly string[]).includes(notification.kind),
      );
      expect(() => bundled.renderer.render(other?.notification ?? aFindingNotification(), EN)).toThrow(/this renderer has no \w+ template/);
    },
  );

  it('leaves every summary template and the summary code out of the alert Lambda (functions/handler.ts)', async () => {
    // Act
    const inputs = await bundleInputs('functions/handler.ts');
    // Assess
    expect(matching(inputs, /render\/generated\/alert\.ts$/)).toHaveLength(1);
    expect(matching(inputs, /render\/generated\/(summary|templates)\.ts$/)).toEqual([]);
    expect(matching(inputs, /core\/summary\//)).toEqual([]);
    expect(matching(inputs, /render\/(create-renderer|prebuilt|prebuilt-summary)\.ts$/)).toEqual([]);
    // Nor replay's input shapes or the template build.
    expect(matching(inputs, /core\/input\/(decode|synthetic-event)\.ts$|functions\/(build|replay|preview)\//)).toEqual([]);
  });

  it('leaves the finding, digest and insight templates out of the summary Lambda (functions/summary-handler.ts)', async () => {
    // Act
    const inputs = await bundleInputs('functions/summary-handler.ts');
    // Assess
    expect(matching(inputs, /render\/generated\/summary\.ts$/)).toHaveLength(1);
    expect(matching(inputs, /render\/generated\/(alert|templates)\.ts$/)).toEqual([]);
    expect(matching(inputs, /render\/(digest-view|insight-view|alert-views|create-renderer|prebuilt|prebuilt-alert)\.ts$/)).toEqual([]);
  });

  it('renders with the functions it is given', () => {
    const email = createRenderer({ ...compiled, subject: () => 'fixed subject' }).render(aFindingNotification(), EN);
    expect(email.subject).toBe('fixed subject');
  });
});
