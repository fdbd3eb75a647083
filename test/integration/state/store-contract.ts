/** The behaviour every StateStore shares, run against each implementation. */
import { describe, expect, it } from 'vitest';
import type { StateStore, StoredState } from '../../../functions/core/policy/state.js';

export const T0 = new Date('2025-06-01T12:00:00.000Z');
const SECONDS = T0.getTime() / 1000;

export function aState(key: string, overrides: Partial<StoredState> = {}): StoredState {
  return {
    key,
    state: { severity: 'HIGH', complianceStatus: 'FAILED', workflowStatus: 'NEW', recordState: 'ACTIVE' },
    notifiedAt: T0.toISOString(),
    firstNotifiedAt: '2025-05-01T00:00:00.000Z',
    findingUpdatedAt: '2025-06-01T11:59:00.000Z',
    expiresAt: SECONDS + 86_400,
    ...overrides,
  };
}

/** `make(clock)` builds a fresh, empty store that reads the time from `clock.now`. */
export function describeStoreContract(name: string, make: (clock: { now: Date }) => Promise<StateStore>): void {
  describe(`${name}: the StateStore contract`, () => {
    it('returns what was put, and nothing for unknown keys', async () => {
      const store = await make({ now: T0 });
      const minimal = aState('b', { state: { severity: 'LOW', recordState: 'ARCHIVED' } });
      const { findingUpdatedAt: _, ...undated } = minimal;
      await store.putMany([aState('a'), undated]);
      const found = await store.getMany(['a', 'b', 'unknown']);
      expect([...found.keys()].sort()).toEqual(['a', 'b']);
      expect(found.get('a')).toEqual(aState('a'));
      expect(found.get('b')).toEqual(undated);
    });

    it('replaces a record, keeps the last of duplicate updates, tolerates duplicate keys', async () => {
      const store = await make({ now: T0 });
      await store.putMany([aState('a')]);
      await store.putMany([aState('a', { notifiedAt: 'first' }), aState('a', { notifiedAt: 'second' })]);
      const found = await store.getMany(['a', 'a']);
      expect(found.get('a')?.notifiedAt).toBe('second');
    });

    it('handles more records than one batch holds (25 writes, 100 reads)', async () => {
      const store = await make({ now: T0 });
      const states = Array.from({ length: 260 }, (_, i) => aState(`arn:aws:securityhub:us-east-1::product/aws/securityhub/finding-${i}`));
      await store.putMany(states);
      const found = await store.getMany(states.map((s) => s.key));
      expect(found.size).toBe(260);
    });

    it('keeps finding keys longer than a DynamoDB key may be', async () => {
      const store = await make({ now: T0 });
      const long = `arn:aws:securityhub:us-east-1::product/x/${'y'.repeat(1500)}`;
      await store.putMany([aState(long)]);
      expect((await store.getMany([long])).get(long)?.key).toBe(long);
    });

    it('ignores records past their TTL', async () => {
      const clock = { now: T0 };
      const store = await make(clock);
      await store.putMany([aState('a', { expiresAt: SECONDS + 60 })]);
      clock.now = new Date(T0.getTime() + 60_000);
      expect((await store.getMany(['a'])).size).toBe(0);
    });

    it('claims an event once, until released or expired', async () => {
      const clock = { now: T0 };
      const store = await make(clock);
      expect(await store.claimEvent('event-1')).toBe(false);
      expect(await store.claimEvent('event-1')).toBe(true);
      expect(await store.claimEvent('event-2')).toBe(false);
      await store.releaseEvent('event-1');
      expect(await store.claimEvent('event-1')).toBe(false);
      clock.now = new Date(T0.getTime() + 8 * 86_400_000);
      expect(await store.claimEvent('event-1')).toBe(false);
      expect(await store.claimEvent('event-1')).toBe(true);
    });

    it('lets an in-progress claim lapse at its deadline (a crash never loses the event), and keeps it once done', async () => {
      const clock = { now: T0 };
      const store = await make(clock);
      const deadline = new Date(T0.getTime() + 60_000);
      expect(await store.claimEvent('crashed', deadline)).toBe(false);
      expect(await store.claimEvent('delivered', deadline)).toBe(false);
      expect(await store.claimEvent('crashed'), 'in progress: a concurrent delivery skips it').toBe(true);
      await store.completeEvent('delivered');
      clock.now = new Date(T0.getTime() + 6 * 60_000); // SQS redelivers after the visibility timeout
      expect(await store.claimEvent('crashed'), 'the claim of a crashed invocation has lapsed').toBe(false);
      expect(await store.claimEvent('delivered'), 'done lasts the full claim lifetime').toBe(true);
    });

    it('gives one claim to one of many concurrent deliveries of an event', async () => {
      const store = await make({ now: T0 });
      const seen = await Promise.all(Array.from({ length: 10 }, () => store.claimEvent('event-x')));
      expect(seen.filter((s) => !s)).toHaveLength(1);
    });
  });
}
