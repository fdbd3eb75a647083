/**
 * How the handler is bundled: one set of esbuild settings for the two ways the code reaches Lambda,
 * a CDK file asset (NodejsFunction, the home-Region stack) or inline in the template (StackSets,
 * whose member accounts have no CDK asset bucket). The benchmark bundles from the same settings.
 * No CDK values are imported here, so the benchmark can import this file without loading aws-cdk-lib.
 */
import { resolve } from 'node:path';
import type { BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, buildSync } from 'esbuild';
import { PROJECT_ROOT } from './paths.js';

/** The AWS SDK v3 is provided by the Lambda runtime. */
const EXTERNAL_MODULES = ['@aws-sdk/*'];

/** esbuild target matching the `nodejs24.x` runtime. */
const ESBUILD_TARGET = 'node24';

/** The handler's export, in `<file>.<export>` form for inline code (`index.js`). */
export const INLINE_HANDLER = 'index.handler';

/** Largest inline code a template can carry through `TemplateURL` with room for the rest (CloudFormation: 1 MB). */
const MAX_INLINE_BYTES = 900 * 1024;

/** The handler's bundle either way: one minified CommonJS file for Node 24, the AWS SDK left to the runtime. */
export const LAMBDA_ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: ESBUILD_TARGET,
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: true,
  external: EXTERNAL_MODULES,
} as const satisfies BuildOptions;

/** As a CDK file asset: with a source map in a separate `.map` file (the function runs with `--enable-source-maps`). */
export const ASSET_ESBUILD_OPTIONS = { ...LAMBDA_ESBUILD_OPTIONS, sourcemap: true } as const satisfies BuildOptions;

/**
 * {@link ASSET_ESBUILD_OPTIONS} as NodejsFunction `bundling` (it always bundles for `platform: node`),
 * with the local esbuild, never Docker.
 */
export const ASSET_BUNDLING: BundlingOptions = {
  // OutputFormat's values are esbuild's format names ('cjs').
  format: ASSET_ESBUILD_OPTIONS.format as OutputFormat,
  target: ASSET_ESBUILD_OPTIONS.target,
  mainFields: ASSET_ESBUILD_OPTIONS.mainFields,
  minify: ASSET_ESBUILD_OPTIONS.minify,
  sourceMap: ASSET_ESBUILD_OPTIONS.sourcemap,
  externalModules: ASSET_ESBUILD_OPTIONS.external,
  forceDockerBundling: false,
};

/** Inline bundles by absolute entry path: every notifier of a stack (and every stack of a synth) shares one build. */
const inlineBundles = new Map<string, string>();

/**
 * Bundles the handler into one minified CommonJS file for `Code.fromInline`, once per entry and
 * process. Without source maps: an inline map would double the size of a template that must stay
 * under 1 MB.
 *
 * @example
 * lambda.Code.fromInline(bundleInline('functions/handler.ts'))
 * @throws Error with esbuild's message when the handler does not build, or when it is too large.
 */
export function bundleInline(entry: string): string {
  const file = resolve(PROJECT_ROOT, entry);
  const cached = inlineBundles.get(file);
  if (cached !== undefined) return cached;
  const result = buildSync({
    ...LAMBDA_ESBUILD_OPTIONS,
    entryPoints: [entry],
    absWorkingDir: PROJECT_ROOT,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  if (output.contents.byteLength > MAX_INLINE_BYTES) {
    throw new Error(`${entry} bundles to ${output.contents.byteLength} bytes, more than ${MAX_INLINE_BYTES} can go inline`);
  }
  inlineBundles.set(file, output.text);
  return output.text;
}
