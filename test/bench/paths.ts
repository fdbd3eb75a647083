/** Where the benchmark reads from and writes to. Everything it writes goes under bench-results/ (git-ignored). */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT_DIR = `${ROOT}bench-results`;
export const FIXTURES_DIR = `${ROOT}fixtures`;
export const TEMPLATES_DIR = `${ROOT}templates`;
export const HANDLER_ENTRY = `${ROOT}functions/handler.ts`;
