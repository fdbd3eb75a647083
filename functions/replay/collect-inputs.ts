import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Expands the paths given on the command line into input files: a file is taken as it is, a
 * folder is walked recursively for `*.json` files. Sorted, so runs are deterministic.
 * A path that does not exist is reported, not thrown: the other inputs still run.
 */
export async function collectInputs(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) missing.push(path);
    else if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return { files, missing };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(path);
  }
  return found;
}
