/**
 * A JSON-file state store for the replay CLI (`--state DIR`): the dedup state kept between runs in
 * `DIR/state.json`. It is read once, and written whole (to a temporary file, then renamed) after
 * every change, one write at a time, so an interrupted run never leaves half a file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type StateStore, StateStoreError } from '../../core/policy/state.js';
import { createMemoryStateStore, type MemoryStateStore, type StateSnapshot, type StoreOptions } from './memory-store.js';
import { readStoredState } from './stored-state-schema.js';

export const STATE_FILE = 'state.json';

/**
 * Creates a store backed by `dir/state.json`; the directory is created on the first write.
 *
 * @example
 * const store = createFileStateStore('.replay-state');
 * const prior = await store.getMany(keys);
 * @throws StateStoreError when the file cannot be read, parsed or written.
 */
export function createFileStateStore(dir: string, options: StoreOptions = {}): StateStore {
  const file = join(dir, STATE_FILE);
  let loaded: Promise<MemoryStateStore> | undefined;

  async function load(operation: string): Promise<MemoryStateStore> {
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      if (!isMissing(cause)) throw new StateStoreError(operation, `cannot read ${file}`, { cause });
    }
    return createMemoryStateStore({ ...options, ...(text === undefined ? {} : { initial: parse(text, file, operation) }) });
  }

  async function store(operation: string): Promise<MemoryStateStore> {
    loaded ??= load(operation);
    try {
      return await loaded;
    } catch (cause) {
      loaded = undefined;
      if (cause instanceof StateStoreError) throw cause;
      throw new StateStoreError(operation, `cannot load ${file}`, { cause });
    }
  }

  /** The last write; writes run one after another, as concurrent ones would share the temporary file. */
  let writing: Promise<void> = Promise.resolve();

  function save(memory: MemoryStateStore, operation: string): Promise<void> {
    const write = writing.then(async () => {
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(temporary, `${JSON.stringify(memory.snapshot(), null, 2)}\n`);
        await rename(temporary, file);
      } catch (cause) {
        throw new StateStoreError(operation, `cannot write ${file}`, { cause });
      }
    });
    writing = write.catch(() => undefined);
    return write;
  }

  return {
    async getMany(keys) {
      return (await store('getMany')).getMany(keys);
    },
    async putMany(updates) {
      const memory = await store('putMany');
      await memory.putMany(updates);
      await save(memory, 'putMany');
    },
    async claimEvent(eventId, inProgressUntil) {
      const memory = await store('claimEvent');
      const seen = await memory.claimEvent(eventId, inProgressUntil);
      if (!seen) await save(memory, 'claimEvent');
      return seen;
    },
    async completeEvent(eventId) {
      const memory = await store('completeEvent');
      await memory.completeEvent(eventId);
      await save(memory, 'completeEvent');
    },
    async releaseEvent(eventId) {
      const memory = await store('releaseEvent');
      await memory.releaseEvent(eventId);
      await save(memory, 'releaseEvent');
    },
  };
}

/** Parses the file; unreadable records are dropped (they then look new), a non-JSON file is an error. */
function parse(text: string, file: string, operation: string): StateSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new StateStoreError(operation, `${file} is not JSON`, { cause });
  }
  const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? { ...value } : {});
  const data = record(raw);
  const findings = Object.entries(record(data.findings)).flatMap(([key, value]) => {
    const state = readStoredState(value);
    return state && state.key === key ? [[key, state] as const] : [];
  });
  const events = Object.entries(record(data.events)).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  return { findings: Object.fromEntries(findings), events: Object.fromEntries(events) };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
