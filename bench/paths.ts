/** Where the benchmark reads from and writes to. Everything it writes goes under bench-results/ (git-ignored). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder above this file that holds package.json. This file runs
 * from bench/ and, bundled into a measuring child, from bench-results/bundles/.
 */
function projectRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return `${dir}/`;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  }
}

export const ROOT = projectRoot();
export const OUT_DIR = `${ROOT}bench-results`;
export const FIXTURES_DIR = `${ROOT}fixtures`;
export const TEMPLATES_DIR = `${ROOT}templates`;
export const HANDLER_ENTRY = `${ROOT}functions/handler.ts`;
