/** The JSON-file store under concurrent calls, as `claimEvents` and the notifier's release make them. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStateStore, STATE_FILE } from '../../../../functions/adapters/state/index.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const ids = Array.from({ length: 25 }, (_, i) => `event-${i}`);

describe('JSON-file store: concurrent changes', () => {
  let dir: string;

  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'file-store-')), 'state');
  });
  afterEach(() => rm(join(dir, '..'), { recursive: true, force: true }));

  it('claims many events at once (a claimEvents chunk), and the file holds every claim', async () => {
    // Prepare
    const store = createFileStateStore(dir, { now: () => NOW });

    // Act
    const seen = await Promise.all(ids.map((id) => store.claimEvent(id)));

    // Assess
    expect(seen).toEqual(ids.map(() => false));
    const reread = createFileStateStore(dir, { now: () => NOW });
    expect(await Promise.all(ids.map((id) => reread.claimEvent(id)))).toEqual(ids.map(() => true));
    expect(await readdir(dir)).toEqual([STATE_FILE]);
  });

  it('releases many claims at once, and the file holds none of them', async () => {
    // Prepare
    const store = createFileStateStore(dir, { now: () => NOW });
    for (const id of ids) await store.claimEvent(id);

    // Act
    await Promise.all(ids.map((id) => store.releaseEvent(id)));

    // Assess
    const reread = createFileStateStore(dir, { now: () => NOW });
    expect(await Promise.all(ids.map((id) => reread.claimEvent(id)))).toEqual(ids.map(() => false));
  });
});
