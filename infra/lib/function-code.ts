/**
 * How the handler is bundled: one set of esbuild settings for the two ways the code reaches Lambda,
 * a CDK file asset (the home-Region stack) or inline in the template (StackSets, whose member
 * accounts have no CDK asset bucket). The benchmark bundles from the same settings. No CDK values
 * are imported here, so the benchmark can import this file without loading aws-cdk-lib.
 */
import { resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { type BuildOptions, buildSync } from 'esbuild';
import { CONFIG_FILE_NAME } from '../../functions/adapters/lambda-config.js';
import { PROJECT_ROOT } from './paths.js';

/** The AWS SDK v3 is provided by the Lambda runtime. */
const EXTERNAL_MODULES = ['@aws-sdk/*'];

/** esbuild target matching the `nodejs24.x` runtime. */
const ESBUILD_TARGET = 'node24';

/** The handler's bundle either way: one minified CommonJS file for Node 24, the AWS SDK left to the runtime. */
export const LAMBDA_ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: ESBUILD_TARGET,
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: true,
  // No licence comments in the shipped file; here rather than in `bundleHandler`, so the benchmark measures the same bytes.
  legalComments: 'none',
  external: EXTERNAL_MODULES,
} as const satisfies BuildOptions;

/** As a CDK file asset: with a source map in a separate `.map` file (the function runs with `--enable-source-maps`). */
export const ASSET_ESBUILD_OPTIONS = { ...LAMBDA_ESBUILD_OPTIONS, sourcemap: true } as const satisfies BuildOptions;

/** The handler's export, in `<file>.<export>` form (`index.js` either way). */
export const HANDLER = 'index.handler';

/** Where inline code unpacks the bundle and its configuration at cold start (Lambda's writable `/tmp`). */
const INLINE_DIR = '/tmp/securityhub-email-notifier';

/** The configuration file inline code unpacks: the function's `NOTIFIER_CONFIG_FILE`. */
export const INLINE_CONFIG_FILE = `${INLINE_DIR}/${CONFIG_FILE_NAME}`;

/** Largest inline `Code.ZipFile` Lambda accepts (Node.js: 4 MB; AWS::Lambda::Function Code, CloudFormation User Guide). */
const MAX_INLINE_BYTES = 4 * 1024 * 1024;

/** One bundle: the JavaScript and, for assets, its source map. */
export interface HandlerBundle {
  readonly js: string;
  readonly map?: string;
}

/** Bundles by absolute entry path and kind: every notifier of a synth shares one build. */
const bundles = new Map<string, HandlerBundle>();

/**
 * Bundles the handler once per entry, kind and process: one minified CommonJS file, with a separate
 * source map for assets (`withSourceMap`), without one for inline code (a map would double it).
 *
 * @example
 * const { js, map } = bundleHandler('functions/handler.ts', true);
 * @throws Error with esbuild's message when the handler does not build.
 */
export function bundleHandler(entry: string, withSourceMap: boolean): HandlerBundle {
  const file = resolve(PROJECT_ROOT, entry);
  const key = `${file}\0${withSourceMap}`;
  const cached = bundles.get(key);
  if (cached) return cached;
  const result = buildSync({
    ...(withSourceMap ? ASSET_ESBUILD_OPTIONS : LAMBDA_ESBUILD_OPTIONS),
    entryPoints: [file],
    absWorkingDir: PROJECT_ROOT,
    outfile: 'index.js',
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('index.js'));
  const map = result.outputFiles.find((f) => f.path.endsWith('index.js.map'));
  if (!js) throw new Error(`esbuild produced no output for ${entry}`);
  const bundle = map ? { js: js.text, map: map.text } : { js: js.text };
  bundles.set(key, bundle);
  return bundle;
}

/** Compressed bundles by entry: every notifier of a member template carries the same bytes. */
const compressed = new Map<string, string>();

/**
 * Inline code for `Code.ZipFile`: a loader of a few hundred bytes that, at cold start, unpacks the
 * Brotli-compressed bundle and this function's configuration into `/tmp` and loads the bundle. The
 * bundle is about 150 KB as text but 60 KB compressed and base64-encoded, so a StackSet member
 * template of ten notifiers stays well under CloudFormation's 1 MB for a template in S3 ("CloudFormation
 * quotas", https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
 *
 * @example
 * lambda.Code.fromInline(inlineCode('functions/handler.ts', JSON.stringify(config)))
 * @throws Error when the handler does not build, or when the code passes Lambda's 4 MB for inline code.
 */
export function inlineCode(entry: string, configJson: string): string {
  const file = resolve(PROJECT_ROOT, entry);
  let packed = compressed.get(file);
  if (packed === undefined) {
    packed = pack(bundleHandler(entry, false).js);
    compressed.set(file, packed);
  }
  const code = [
    '"use strict";',
    'const z=require("node:zlib"),f=require("node:fs");',
    `const d=${JSON.stringify(INLINE_DIR)};`,
    'const u=(s)=>z.brotliDecompressSync(Buffer.from(s,"base64"));',
    'f.mkdirSync(d,{recursive:true});',
    `f.writeFileSync(d+"/${CONFIG_FILE_NAME}",u("${pack(configJson)}"));`,
    `f.writeFileSync(d+"/index.js",u("${packed}"));`,
    'module.exports=require(d+"/index.js");',
  ].join('');
  if (code.length > MAX_INLINE_BYTES)
    throw new Error(`${entry} packs to ${code.length} bytes, more than the ${MAX_INLINE_BYTES} Lambda takes inline`);
  return code;
}

/** Brotli at its best quality, base64. */
function pack(text: string): string {
  return brotliCompressSync(Buffer.from(text, 'utf8'), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
}
