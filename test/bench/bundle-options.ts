/**
 * The esbuild options the CDK construct uses for the Lambda bundle (NodejsFunction `bundling` in
 * infra/lib/security-hub-email-notifier.ts): CommonJS, minified, source map in a separate file,
 * the AWS SDK external (the Lambda runtime provides it). Target and externals are imported from
 * infra/lib/function-code.ts, so the benchmark follows the construct when it changes.
 */
import type { BuildOptions } from 'esbuild';
import { ESBUILD_TARGET, EXTERNAL_MODULES } from '../../infra/lib/function-code.js';

/** As deployed by `NodejsFunction`: `format: CJS`, `minify: true`, `sourceMap: true` (a separate `.map`). */
export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: ESBUILD_TARGET,
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  external: EXTERNAL_MODULES,
  logLevel: 'silent',
} as const satisfies BuildOptions;

/**
 * The benchmark's own burst script: the same code settings as ESM (it uses top-level await);
 * an ESM bundle of CommonJS dependencies needs `require` (RECIPES.md: "Dynamic require of node:...").
 */
export const SCRIPT_BUNDLE_OPTIONS = {
  ...LAMBDA_BUNDLE_OPTIONS,
  format: 'esm',
  sourcemap: false,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
} as const satisfies BuildOptions;
