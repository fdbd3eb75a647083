import { readFile } from 'node:fs/promises';

/** A JSON file's value, or why it could not be read (for an `error` line). */
export async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    return { ok: true, value: JSON.parse(await readFile(file, 'utf8')) };
  } catch (cause) {
    const message = cause instanceof SyntaxError ? `not valid JSON: ${cause.message}` : `cannot read: ${(cause as Error).message}`;
    return { ok: false, message };
  }
}
