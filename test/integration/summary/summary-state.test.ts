/**
 * The last-summary record in the state table (dynalite): a route with tens of thousands of open
 * findings keeps its key record in chunk items under DynamoDB's 400 KB item limit, and a torn
 * record (a crash between the chunk and head writes) is never read as a wrong one. dynalite
 * refuses an item over 400 KB as DynamoDB does (ValidationException), so the writes passing is
 * itself proof that the chunks fit.
 */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSummaryState, HASHES_PER_CHUNK } from '../../../functions/adapters/summary/summary-state.js';
import { findingHash } from '../../../functions/core/summary/last-summary.js';
import { createStateTable, type Dynalite, startDynalite } from '../state/dynalite.js';

const TABLE = 'summary-record-state';
const ITEM_LIMIT_BYTES = 400 * 1024;

describe('the last summary record in DynamoDB', () => {
  let dynamo: Dynalite;
  const warnings: { message: string; attributes: Record<string, unknown> }[] = [];
  const log = { warn: (message: string, attributes: Record<string, unknown>) => warnings.push({ message, attributes }) };
  beforeAll(async () => {
    dynamo = await startDynalite();
    await createStateTable(dynamo.client(), TABLE);
  });
  afterAll(() => dynamo.stop());

  it('keeps 70,000 open findings in three chunk items, each under 400 KB, and reads back exactly those', async () => {
    // Prepare
    const state = createSummaryState(dynamo.client(), TABLE, log);
    const keys = new Set(Array.from({ length: 70_000 }, (_, i) => findingHash(`arn:aws:securityhub:finding/${i}`)));
    const at = new Date('2026-03-31T08:00:00.000Z');

    // Act
    await state.put('big', { at, open: 70_000, keys });
    const back = await state.get('big');

    // Assess
    expect(back?.at).toEqual(at);
    expect(back?.open).toBe(70_000);
    expect(back?.keys?.size).toBe(keys.size);
    expect([...(back?.keys ?? [])].every((k) => keys.has(k))).toBe(true);
    expect(Math.ceil(keys.size / HASHES_PER_CHUNK)).toBe(3);
    for (const n of [0, 1, 2]) {
      const item = await dynamo.client().send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: `summary#big#keys#${n}` } } }));
      expect(item.Item?.keys?.B?.byteLength).toBeLessThan(ITEM_LIMIT_BYTES);
    }
  });

  it('reads a torn record (a chunk of another generation) as no key record, and says so in the log', async () => {
    // Prepare
    const state = createSummaryState(dynamo.client(), TABLE, log);
    const keys = new Set(Array.from({ length: 40_000 }, (_, i) => findingHash(`k${i}`)));
    await state.put('torn', { at: new Date('2026-03-24T08:00:00.000Z'), open: 40_000, keys });
    // A later summary wrote chunk 1 and crashed before its head.
    await dynamo.client().send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { pk: { S: 'summary#torn#keys#1' }, generation: { S: '2026-03-31T08:00:00.000Z' }, keys: { B: new Uint8Array(8) } },
      }),
    );

    // Act
    const back = await state.get('torn');

    // Assess
    expect(back).toEqual({ at: new Date('2026-03-24T08:00:00.000Z'), open: 40_000 });
    expect(warnings.map((w) => w.message)).toContain('last summary key record incomplete; counting new and resolved from timestamps');
  });

  it('a summary without a key record (findings not all read) keeps its time and total only', async () => {
    // Prepare
    const state = createSummaryState(dynamo.client(), TABLE, log);
    await state.put('partial', { at: new Date('2026-03-24T08:00:00.000Z'), open: 5, keys: new Set([findingHash('a')]) });

    // Act
    await state.put('partial', { at: new Date('2026-03-31T08:00:00.000Z'), open: 7 });

    // Assess
    expect(await state.get('partial')).toEqual({ at: new Date('2026-03-31T08:00:00.000Z'), open: 7 });
  });
});
