/**
 * The esbuild options the CDK construct uses for the Lambda bundle (NodejsFunction `bundling`),
 * restated here so the benchmark measures the bundle as deployed: minified, source map in a
 * separate file, the AWS SDK external (the Lambda runtime provides it).
 * Keep in step with infra/ (see test/bench/README.md).
 */
import type { BuildOptions } from 'esbuild';

export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: 'external',
  external: ['@aws-sdk/*'],
  mainFields: ['module', 'main'],
  // An ESM bundle of CommonJS dependencies needs `require` (RECIPES.md: "Dynamic require of node:...").
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  outExtension: { '.js': '.mjs' },
  logLevel: 'silent',
} as const satisfies BuildOptions;
