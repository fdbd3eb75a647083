/**
 * How the handler is bundled: the same esbuild settings for the two ways the code reaches Lambda,
 * a CDK file asset (NodejsFunction, the home-Region stack) or inline in the template (StackSets,
 * whose member accounts have no CDK asset bucket).
 */
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from './paths.js';

/** The AWS SDK v3 is provided by the Lambda runtime. */
export const EXTERNAL_MODULES = ['@aws-sdk/*'];

/** esbuild target matching the `nodejs24.x` runtime. */
export const ESBUILD_TARGET = 'node24';

/** The handler's export, in `<file>.<export>` form for inline code (`index.js`). */
export const INLINE_HANDLER = 'index.handler';

/** Largest inline code a template can carry through `TemplateURL` with room for the rest (CloudFormation: 1 MB). */
const MAX_INLINE_BYTES = 900 * 1024;

/**
 * Bundles the handler into one minified CommonJS file for `Code.fromInline`. Without source maps:
 * an inline map would double the size of a template that must stay under 1 MB.
 *
 * @example
 * lambda.Code.fromInline(bundleInline('functions/handler.ts'))
 * @throws Error with esbuild's message when the handler does not build, or when it is too large.
 */
export function bundleInline(entry: string): string {
  const result = buildSync({
    entryPoints: [entry],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    platform: 'node',
    target: ESBUILD_TARGET,
    format: 'cjs',
    mainFields: ['module', 'main'],
    minify: true,
    external: EXTERNAL_MODULES,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  if (output.contents.byteLength > MAX_INLINE_BYTES) {
    throw new Error(`${entry} bundles to ${output.contents.byteLength} bytes, more than ${MAX_INLINE_BYTES} can go inline`);
  }
  return output.text;
}
