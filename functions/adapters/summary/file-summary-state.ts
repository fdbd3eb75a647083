/**
 * The last summaries in a JSON file, for `npm run summary -- --state DIR` (the folder replay's
 * `--state` keeps its dedup state in): `DIR/summaries.json`, `{"<audience id>": {"at": ISO,
 * "open": N, "keys": ["<finding hash>", ...]}}`. Read once, written whole after every summary
 * (to a temporary file, then renamed), so two runs show what changed between them.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { FINDING_HASH_HEX, type LastSummary } from '../../core/summary/last-summary.js';
import type { SummaryState } from './summary-state.js';

export const SUMMARIES_FILE = 'summaries.json';
const HASH = new RegExp(`^[0-9a-f]{${FINDING_HASH_HEX}}$`);

/**
 * @example const state = await loadFileSummaryState('.replay-state');
 * @throws ConfigError naming `--state` and the JSON path when the file is unreadable or malformed.
 */
export async function loadFileSummaryState(dir: string): Promise<SummaryState> {
  const file = join(dir, SUMMARIES_FILE);
  const records = parseSummaries(await readText(file), file);
  return {
    async get(id) {
      return records.get(id);
    },
    async put(id, summary) {
      records.set(id, summary);
      const json = Object.fromEntries(
        [...records].map(([key, r]) => [key, { at: r.at.toISOString(), open: r.open, ...(r.keys ? { keys: [...r.keys].sort() } : {}) }]),
      );
      const temporary = `${file}.${process.pid}.tmp`;
      await mkdir(dir, { recursive: true });
      await writeFile(temporary, `${JSON.stringify(json, null, 1)}\n`);
      await rename(temporary, file);
    },
  };
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError('--state', `cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { cause });
  }
}

function parseSummaries(text: string | undefined, file: string): Map<string, LastSummary> {
  const records = new Map<string, LastSummary>();
  if (text === undefined) return records;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('--state', `${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const bad = (path: string, what: string) => new ConfigError('--state', `${file}${path}: ${what}`);
  if (!isObject(json)) throw bad('', 'not an object');
  for (const [id, value] of Object.entries(json)) {
    const path = `[${JSON.stringify(id)}]`;
    if (!isObject(value)) throw bad(path, 'not an object');
    const at = new Date(typeof value.at === 'string' ? value.at : '');
    if (Number.isNaN(at.getTime())) throw bad(`${path}.at`, 'not an ISO-8601 time');
    if (typeof value.open !== 'number' || !Number.isInteger(value.open) || value.open < 0) throw bad(`${path}.open`, 'not a count');
    const { keys } = value;
    if (keys !== undefined && !(Array.isArray(keys) && keys.every((k) => typeof k === 'string' && HASH.test(k)))) {
      throw bad(`${path}.keys`, `not a list of ${FINDING_HASH_HEX}-digit finding hashes`);
    }
    records.set(id, { at, open: value.open, ...(keys ? { keys: new Set<string>(keys) } : {}) });
  }
  return records;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
