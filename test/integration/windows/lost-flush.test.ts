/**
 * No window is stranded: the real handler (createHandler) on a hand-driven clock, with dynalite and
 * the SES v2 stand-in. A flush message that is lost leaves its window overdue; the next finding of
 * the group schedules a new flush, which mails both; the lost message, if it ever comes, does nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTransport } from '../../../functions/adapters/create-transport.js';
import { createDynamoStateStore } from '../../../functions/adapters/state/dynamodb-store.js';
import { parseConfig, sendingConfig } from '../../../functions/core/config.js';
import { createEventPipeline } from '../../../functions/core/pipeline/pipeline.js';
import { renderer } from '../../../functions/core/render/prebuilt.js';
import { createHandler } from '../../../functions/notifier/create-handler.js';
import { type FlushMessage, flushBody } from '../../../functions/notifier/windows/flush-message.js';
import { createTables } from '../../../functions/simulate/delivery-stand-in.js';
import { seedEvent } from '../../support/seed-events.js';
import { sqsRecord } from '../../support/sqs.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION, type SesStandIn, startSes } from '../../support/stand-ins.js';
import { type Dynalite, startDynalite } from '../state/dynalite.js';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const QUIET = { info() {}, warn() {}, error() {} };

describe('a lost flush message', () => {
  let ses: SesStandIn;
  let dynamo: Dynalite;
  beforeAll(async () => {
    [ses, dynamo] = await Promise.all([startSes(), startDynalite()]);
    vi.stubEnv('AWS_REGION', LOCAL_REGION);
    vi.stubEnv('AWS_ACCESS_KEY_ID', DUMMY_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', DUMMY_CREDENTIALS.secretAccessKey);
    vi.stubEnv('AWS_ENDPOINT_URL_SESV2', ses.endpoint);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([ses.stop(), dynamo.stop()]);
  });

  it('strands nothing: the next finding of the group reschedules the overdue window, which mails both', async () => {
    await ses.clear();
    const client = dynamo.client();
    await createTables(client, 'lost-state', 'lost-windows');
    const config = sendingConfig(
      parseConfig({
        transport: 'ses',
        ses: { from: 'alerts@example.com', to: ['soc@example.com'] },
        stateTable: 'lost-state',
        windowTable: 'lost-windows',
        flushQueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/flush',
        policy: { rate: { perSecond: 100 } },
      }),
    );
    let now = T0;
    const scheduled: FlushMessage[] = [];
    const handler = createHandler({
      config,
      pipeline: createEventPipeline(config, renderer),
      transport: await createTransport(config),
      log: QUIET,
      store: createDynamoStateStore({ client, tableName: 'lost-state', now: () => new Date(now) }),
      windows: { dynamo: client, flushes: { schedule: async (message) => void scheduled.push(message) } },
      now: () => new Date(now),
      sleep: async (ms) => {
        now += ms;
      },
      writeMetrics: () => undefined,
    });
    const context = { getRemainingTimeInMillis: () => 60_000 };
    const ingest = (tag: string) =>
      handler({ Records: [sqsRecord(`m-${tag}`, JSON.stringify(seedEvent({ tag, severity: 'HIGH' })))] }, context);
    const flush = (message: FlushMessage) => handler({ Records: [sqsRecord(`f-${message.dueAt}`, flushBody(message))] }, context);

    await ingest('first');
    const [lost] = scheduled.splice(0);
    expect(lost?.dueAt).toBe(T0 + 30_000);
    now += 11 * 60_000; // the lost message never came; the window is overdue
    await ingest('second');
    const [again] = scheduled.splice(0);
    if (!lost || !again) throw new Error('each ingest schedules one flush');
    expect(again.dueAt).toBe(now + 30_000);
    now = again.dueAt;
    expect(await flush(again)).toEqual({ batchItemFailures: [] });

    const mails = await ses.emails();
    expect(mails.map((m) => m.subject).sort()).toEqual([expect.stringContaining('[first]'), expect.stringContaining('[second]')]);
    // The lost message turns up after all: its window moved on, so it mails nothing.
    now += 60_000;
    expect(await flush(lost)).toEqual({ batchItemFailures: [] });
    expect(await ses.emails()).toHaveLength(2);
  });
});
