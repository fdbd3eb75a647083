/**
 * The files and folders given on the command line, read as JSON (replay, summary): every input
 * that could be parsed, and one `error` line for each path that is missing or not JSON.
 */
import { collectInputs } from './collect-inputs.js';
import { readJson } from './read-json.js';
import { errorLine } from './report-lines.js';

export interface ReadInputs {
  /** Each parsed file, named by its path. */
  readonly records: { readonly input: string; readonly json: unknown }[];
  /** How many files the paths gave, read or not. */
  readonly fileCount: number;
  /** `error <path>: ...` lines, in path order. */
  readonly errors: string[];
}

/**
 * @example const { records, errors } = await readInputs(['fixtures/seed', 'missing.json']);
 */
export async function readInputs(paths: readonly string[]): Promise<ReadInputs> {
  const { files, missing } = await collectInputs(paths);
  const errors = missing.map((path) => errorLine(path, 'no such file or folder'));
  const records: { input: string; json: unknown }[] = [];
  for (const file of files) {
    const json = await readJson(file);
    if (json.ok) records.push({ input: file, json: json.value });
    else errors.push(errorLine(file, json.message));
  }
  return { records, fileCount: files.length, errors };
}
