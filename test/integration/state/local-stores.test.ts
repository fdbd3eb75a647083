import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStateStore, createMemoryStateStore, STATE_FILE } from '../../../functions/adapters/state/index.js';
import { StateStoreError } from '../../../functions/core/policy/state.js';
import { aState, describeStoreContract, T0 } from './store-contract.js';

const root = await mkdtemp(join(tmpdir(), 'state-store-'));
let dirs = 0;
const freshDir = () => join(root, `run-${++dirs}`);
afterAll(() => rm(root, { recursive: true, force: true }));

describeStoreContract('memory', async (clock) => createMemoryStateStore({ now: () => clock.now }));
describeStoreContract('JSON file', async (clock) => createFileStateStore(freshDir(), { now: () => clock.now }));

describe('JSON-file store (replay --state DIR)', () => {
  it('keeps state between runs, leaving expired records out of the file', async () => {
    const dir = freshDir();
    const first = createFileStateStore(dir, { now: () => T0 });
    await first.putMany([aState('a'), aState('old', { expiresAt: T0.getTime() / 1000 - 1 })]);
    await first.claimEvent('event-1');
    const second = createFileStateStore(dir, { now: () => T0 });
    expect((await second.getMany(['a'])).get('a')).toEqual(aState('a'));
    expect(await second.claimEvent('event-1')).toBe(true);
    const file = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8'));
    expect(Object.keys(file.findings)).toEqual(['a']);
  });

  it('drops records it cannot read, so those findings look new', async () => {
    const dir = freshDir();
    const good = aState('good');
    await createFileStateStore(dir).putMany([]);
    await writeFile(
      join(dir, STATE_FILE),
      JSON.stringify({ findings: { good, bad: { key: 'bad', state: { severity: 'URGENT' } } }, events: { e: 'x' } }),
    );
    const store = createFileStateStore(dir, { now: () => T0 });
    expect([...(await store.getMany(['good', 'bad'])).keys()]).toEqual(['good']);
    expect(await store.claimEvent('e')).toBe(false);
  });

  it('throws a StateStoreError for a file that is not JSON', async () => {
    const dir = freshDir();
    await createFileStateStore(dir).putMany([]);
    await writeFile(join(dir, STATE_FILE), '{ not json');
    const error = await createFileStateStore(dir)
      .getMany(['a'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateStoreError);
    expect(error).toMatchObject({ operation: 'getMany', cause: { name: 'SyntaxError' } });
  });

  it('throws a StateStoreError naming the operation when the state cannot be read or written', async () => {
    const notADirectory = freshDir();
    await writeFile(notADirectory, 'a file, not a directory');
    await expect(createFileStateStore(notADirectory).getMany(['a'])).rejects.toMatchObject({
      name: 'StateStoreError',
      operation: 'getMany',
    });
    const dir = freshDir();
    const store = createFileStateStore(dir);
    await store.getMany([]);
    await mkdir(join(dir, STATE_FILE, 'occupied'), { recursive: true });
    await expect(store.putMany([aState('a')])).rejects.toMatchObject({ name: 'StateStoreError', operation: 'putMany' });
  });
});
