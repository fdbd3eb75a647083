/**
 * The esbuild options the benchmark bundles with. The Lambda's are the CDK construct's own
 * (`ASSET_ESBUILD_OPTIONS` in infra/lib/function-code.ts: CommonJS, minified, a separate source
 * map, the AWS SDK external), so the benchmark follows the construct when it changes.
 */
import type { BuildOptions } from 'esbuild';
import { ASSET_ESBUILD_OPTIONS } from '../infra/lib/function-code.js';

/** The handler as the construct bundles it into its asset (`bundleHandler`). */
export const LAMBDA_BUNDLE_OPTIONS = { ...ASSET_ESBUILD_OPTIONS, logLevel: 'silent' } as const satisfies BuildOptions;

/**
 * The benchmark's own scripts: the same code settings as ESM (they use top-level await);
 * an ESM bundle of CommonJS dependencies needs `require` (RECIPES.md: "Dynamic require of node:...").
 */
export const SCRIPT_BUNDLE_OPTIONS = {
  ...LAMBDA_BUNDLE_OPTIONS,
  format: 'esm',
  sourcemap: false,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
} as const satisfies BuildOptions;
