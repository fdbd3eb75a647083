/**
 * The Lambda handler on SQS batches against the local SES v2 and dynalite (the state table as the
 * construct creates it): floods, copies, unchanged updates, severity rises, silences, and a table
 * that cannot be reached.
 */
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Handler, importHandler, useLocalLambda } from '../../support/lambda.js';
import { floodEvents, seedEvent } from '../../support/seed-events.js';
import { sqsRecord } from '../../support/sqs.js';
import { type SesStandIn, startSes } from '../../support/stand-ins.js';
import { createStateTable, type Dynalite, startDynalite } from '../state/dynalite.js';

const TABLE = 'notifier-state';
const SILENCED_ACCOUNT = '999988887777';

function config(extra: Record<string, unknown> = {}) {
  return {
    transport: 'ses',
    ses: { from: 'notifier@example.com', to: ['soc@example.com'] },
    stateTable: TABLE,
    policy: {
      rate: { perSecond: 1000 },
      silences: [{ match: { accounts: [SILENCED_ACCOUNT] }, reason: 'sandbox, accepted until the end of 2020', expiresAt: '2020-12-31' }],
    },
    ...extra,
  };
}

function batch(bodies: readonly unknown[], prefix = 'm'): SQSEvent {
  return { Records: bodies.map((body, i) => sqsRecord(`${prefix}-${i}`, JSON.stringify(body))) };
}

describe('Lambda handler: one SQS batch planned together (no windows), with state in DynamoDB', () => {
  let ses: SesStandIn;
  let dynamo: Dynalite;
  let tables = 0;

  async function load(dynamoEndpoint: string, extra: Record<string, unknown> = {}): Promise<Handler> {
    const table = `${TABLE}-${tables++}`;
    if (dynamoEndpoint === dynamo.endpoint) await createStateTable(dynamo.client(), table);
    vi.stubEnv('NOTIFIER_CONFIG', JSON.stringify(config({ stateTable: table, ...extra })));
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', dynamoEndpoint);
    return importHandler();
  }

  beforeAll(async () => {
    ses = await startSes();
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await ses.stop();
    await dynamo.stop();
  });
  beforeEach(() => ses.clear());
  const output = useLocalLambda(() => ({ AWS_ENDPOINT_URL_SESV2: ses.endpoint }));

  // Floods and copies across batches, as the event source delivers them, are test/simulate/windows.test.ts.
  it('turns one batch of 10 findings of one group into one digest (above the threshold of 5), and emits EMF metrics', async () => {
    const handler = await load(dynamo.endpoint);
    const flood = floodEvents(100)
      .filter((f) => f.event.detail.findings[0]?.AwsAccountId === '111122223333')
      .slice(0, 50);
    const group = flood.filter((_, i) => i % 5 === 0).slice(0, 10);

    const response = await handler(batch(group.map((f) => f.event)));

    expect(response).toEqual({ batchItemFailures: [] });
    const mails = await ses.emails();
    expect(mails).toHaveLength(1);
    for (const { tag } of group) expect(mails[0]?.body.text).toContain(`[${tag}]`);
    const emf = output.lines().find((l) => l._aws !== undefined);
    expect(emf).toMatchObject({ FindingsReceived: 10, Digested: 10, EmailsSent: 1, Failed: 0, service: 'securityhub-email-notifier' });
    expect(JSON.stringify(emf?._aws)).toContain('SecurityHubEmailNotifier');
  });

  it('sends nothing for an update without material change, one threaded email for a severity rise', async () => {
    const handler = await load(dynamo.endpoint);
    const first = seedEvent({ tag: 'rise', severity: 'MEDIUM' });
    const unchanged = seedEvent({ tag: 'rise', severity: 'MEDIUM', updatedAt: '2020-07-26T00:00:00.000Z', eventId: 'e2' });
    const risen = seedEvent({ tag: 'rise', severity: 'CRITICAL', updatedAt: '2020-07-27T00:00:00.000Z', eventId: 'e3' });

    await handler(batch([first], 'a'));
    await handler(batch([unchanged], 'b'));
    await handler(batch([risen], 'c'));

    const mails = await ses.emails();
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('[MEDIUM]'), expect.stringContaining('[CRITICAL]')]);
    const header = (i: number, name: string) => mails[i]?.headers?.find((h) => h.name === name)?.value;
    const root = header(0, 'References');
    expect(root).toMatch(/^<[0-9a-f]{64}@securityhub-email-notifier>$/);
    expect(header(1, 'In-Reply-To')).toBe(root);
    expect(header(1, 'References')).toBe(root);
    expect(output.lines().find((l) => l.message === 'finding skipped')).toMatchObject({ input: 'b-0', kind: 'unchanged' });
  });

  it('mails a finding whose silence has expired and skips nothing for it', async () => {
    const handler = await load(dynamo.endpoint);

    await handler(batch([seedEvent({ tag: 'expired', account: SILENCED_ACCOUNT })]));

    expect((await ses.emails()).map((m) => m.subject)).toEqual([expect.stringContaining('[expired]')]);
    expect(output.lines().filter((l) => l.message === 'finding skipped')).toEqual([]);
  });

  it('skips a finding under an active silence with its reason', async () => {
    const handler = await load(dynamo.endpoint, {
      policy: {
        rate: { perSecond: 1000 },
        silences: [{ match: { accounts: [SILENCED_ACCOUNT] }, reason: 'sandbox account', expiresAt: '2999-01-01' }],
      },
    });

    await handler(batch([seedEvent({ tag: 'quiet', account: SILENCED_ACCOUNT })]));

    expect(await ses.emails()).toEqual([]);
    expect(output.lines().find((l) => l.message === 'finding skipped')).toMatchObject({
      kind: 'silenced',
      reason: expect.stringContaining('sandbox account'),
    });
  });

  it('still sends, and logs a warning, when the table cannot be reached', async () => {
    const gone = await startDynalite();
    await gone.stop();
    const handler = await load(gone.endpoint);

    const response = await handler(batch([seedEvent({ tag: 'no-table', severity: 'HIGH' })]));

    expect(response).toEqual({ batchItemFailures: [] });
    expect((await ses.emails()).map((m) => m.subject)).toEqual([expect.stringContaining('[no-table]')]);
    const warnings = output.lines().filter((l) => l.message === 'state store unreachable; sending anyway');
    expect(warnings.map((w) => w.operation)).toEqual(expect.arrayContaining(['claimEvent', 'getMany', 'putMany']));
    expect(warnings.every((w) => w.level === 'WARN')).toBe(true);
  });
});
