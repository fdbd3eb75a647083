/**
 * The call sequence the Lambda and replay follow, over several delivery windows with a real
 * (JSON-file) store: getMany -> planBatch -> send -> putMany(statesToWrite(...)).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStateStore } from '../../../functions/adapters/state/index.js';
import { parseConfig } from '../../../functions/core/config.js';
import type { ReadFinding } from '../../../functions/core/input/read-input.js';
import { planBatch, statesToWrite } from '../../../functions/core/policy/plan-batch.js';
import type { StateStore } from '../../../functions/core/policy/state.js';
import { aFinding, anInput } from '../../unit/policy/builder.js';

const root = await mkdtemp(join(tmpdir(), 'windows-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const config = parseConfig({});
/** The stores read the same clock as the plan (they ignore records past their TTL). */
const clock = { now: new Date('2025-06-01T00:00:00Z') };
const fileStore = (name: string) => createFileStateStore(join(root, name), { now: () => clock.now });

/** One run: what the handler / replay do around the pure plan. Every email "delivers". */
async function run(store: StateStore, inputs: readonly ReadFinding[], now: Date) {
  clock.now = now;
  const prior = await store.getMany(inputs.map((i) => i.finding.key));
  const plan = planBatch(inputs, { now, prior, policy: config.policy, filters: config.filters });
  await store.putMany(statesToWrite(plan, new Set(plan.notifications.keys())));
  return plan;
}

describe('delivery windows with state kept between runs', () => {
  it('floods into a handful of emails, stays quiet on replay, and mails one severity rise', async () => {
    const store = fileStore('state');
    const severities = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
    const flood = Array.from({ length: 500 }, (_, i) =>
      anInput(aFinding({ id: `f/${i}`, severity: severities[i % 5] ?? 'LOW', accountId: i % 2 ? '111122223333' : '444455556666' })),
    );
    const first = await run(store, flood, new Date('2025-06-01T00:00:00Z'));
    expect(first.notifications.length).toBe(10);
    expect(first.notifications.flatMap((n) => n.findings).length).toBe(500);

    const replayed = await run(fileStore('state'), flood, new Date('2025-06-01T01:00:00Z'));
    expect(replayed.notifications).toEqual([]);
    expect(replayed.skipped).toHaveLength(500);
    expect(replayed.skipped.every((s) => s.kind === 'unchanged')).toBe(true);

    const rise = anInput(aFinding({ id: 'f/3', severity: 'CRITICAL', updatedAt: '2025-06-01T02:00:00Z' }));
    const risen = await run(store, [rise], new Date('2025-06-01T02:00:00Z'));
    expect(risen.notifications).toHaveLength(1);
    expect(risen.notifications[0]?.findings[0]).toMatchObject({
      reason: 'changed: severity LOW -> CRITICAL',
      previous: { notifiedAt: '2025-06-01T00:00:00.000Z' },
    });
  });

  it('does not record a finding whose email failed, so the next window mails it again', async () => {
    const store = fileStore('failed');
    const inputs = [anInput(aFinding())];
    const prior = await store.getMany(inputs.map((i) => i.finding.key));
    const plan = planBatch(inputs, { now: new Date('2025-06-01T00:00:00Z'), prior, policy: config.policy, filters: config.filters });
    await store.putMany(statesToWrite(plan, new Set()));
    const again = await run(store, inputs, new Date('2025-06-01T00:05:00Z'));
    expect(again.notifications[0]?.findings[0]?.reason).toBe('new: first time seen');
  });
});
