/**
 * The conditional writes the windows rest on, against dynalite (conditional writes behave as in
 * DynamoDB): one send budget for many concurrent senders, one winner per finding claim, and a
 * window claim that lets one flusher in at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFindingClaims } from '../../../functions/adapters/windows/finding-claims.js';
import { createSendBudget } from '../../../functions/adapters/windows/send-budget.js';
import { createWindowTable } from '../../../functions/adapters/windows/window-table.js';
import { createTables } from '../../../functions/simulate/delivery-stand-in.js';
import { type Dynalite, startDynalite } from '../state/dynalite.js';

const T0 = Date.parse('2026-12-01T00:00:00Z');
let tables = 0;

describe('windows: shared state in DynamoDB', () => {
  let dynamo: Dynalite;
  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(() => dynamo.stop());

  async function fresh() {
    const n = tables++;
    const client = dynamo.client();
    await createTables(client, `state-${n}`, `windows-${n}`);
    return { client, state: `state-${n}`, windows: `windows-${n}` };
  }

  it('hands 30 concurrent senders slots 100 ms apart: never more than 10 in any second of one topic', async () => {
    const { client, windows } = await fresh();
    const budget = createSendBudget(client, windows, 10);
    const slots = await Promise.all(Array.from({ length: 30 }, () => budget.reserve('sns#topic', 1, T0, T0 + 60_000)));
    const sorted = slots.map(Number).sort((a, b) => a - b);
    expect(sorted).toEqual(Array.from({ length: 30 }, (_, i) => T0 + i * 100));
  });

  it('counts SES recipients: an email to 3 recipients at 1 a second takes 3 seconds of the budget', async () => {
    const { client, windows } = await fresh();
    const budget = createSendBudget(client, windows, 1);
    expect(await budget.reserve('ses', 3, T0, T0 + 60_000)).toBe(T0);
    expect(await budget.reserve('ses', 1, T0, T0 + 60_000)).toBe(T0 + 3000);
  });

  it('defers (reserves nothing) when the next slot starts after the latest start', async () => {
    const { client, windows } = await fresh();
    const budget = createSendBudget(client, windows, 1);
    expect(await budget.reserve('ses', 1, T0, T0 + 500)).toBe(T0);
    expect(await budget.reserve('ses', 1, T0, T0 + 500)).toBeUndefined();
    expect(await budget.reserve('ses', 1, T0, T0 + 5000)).toBe(T0 + 1000);
  });

  it('gives a finding change to one of two concurrent flushes; a crashed claim lapses at its deadline', async () => {
    const { client, state } = await fresh();
    const claims = createFindingClaims(client, state);
    const deadline = T0 + 60_000;
    const won = await Promise.all([claims.claim('k', undefined, T0, deadline), claims.claim('k', undefined, T0, deadline + 1)]);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await claims.claim('k', undefined, T0 + 30_000, T0 + 90_000), 'still held').toBe(false);
    expect(await claims.claim('k', undefined, deadline + 2, T0 + 200_000), 'lapsed after the deadline').toBe(true);
  });

  it('lets one flusher claim a window, ignores a stale message, and reports a live claim as busy', async () => {
    const { client, windows } = await fresh();
    const table = createWindowTable(client, windows);
    expect(await table.setDue('g', T0 + 30_000, undefined)).toBe(true);
    expect(await table.setDue('g', T0 + 20_000, undefined), 'someone set it first').toBe(false);
    expect(await table.claim('g', T0 + 10_000, T0 - 600_000, T0 + 30_000, T0 + 90_000), 'a superseded due time').toBe('stale');
    const claimed = await table.claim('g', T0 + 30_000, T0 - 600_000, T0 + 30_000, T0 + 90_000);
    expect(claimed).toMatchObject({ group: 'g', dueAt: T0 + 30_000 });
    expect(await table.claim('g', T0 + 30_000, T0 - 600_000, T0 + 31_000, T0 + 95_000)).toBe('busy');
    await table.close('g', T0 + 330_000, T0 + 90_000);
    expect((await table.windows(['g'])).get('g')).toEqual({ group: 'g', quietUntil: T0 + 330_000 });
  });
});
