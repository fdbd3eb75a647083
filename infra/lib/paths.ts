import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is infra/lib/paths.ts). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Lambda handler the construct deploys by default. */
export const DEFAULT_HANDLER_ENTRY = join(PROJECT_ROOT, 'functions', 'handler.ts');
