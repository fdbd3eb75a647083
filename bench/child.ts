/**
 * Runs a measuring script in a fresh `node`, bundled like the Lambda (esbuild, minified, SDK
 * external), so it holds only what it measures. Bundling rather than `--import tsx` matters: tsx's
 * loader hooks run on a worker thread, and process CPU time counts every thread.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SCRIPT_BUNDLE_OPTIONS } from './bundle-options.js';
import { OUT_DIR } from './paths.js';

/**
 * Bundles `entry` (a file next to this one) to bench-results/bundles/, runs it with `args` and
 * returns the JSON of the last line it prints.
 *
 * @example const result = await runChild<RenderResult>('render-child.ts', ['400']);
 */
export async function runChild<T>(entry: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  mkdirSync(`${OUT_DIR}/bundles`, { recursive: true });
  // paths.ts finds the project root from bench-results/bundles/ as from bench/.
  const outfile = `${OUT_DIR}/bundles/${path.basename(entry, '.ts')}.mjs`;
  await build({ ...SCRIPT_BUNDLE_OPTIONS, entryPoints: [fileURLToPath(new URL(`./${entry}`, import.meta.url))], outfile });
  const stdout = execFileSync(process.execPath, [...nodeFlags, outfile, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T;
}
