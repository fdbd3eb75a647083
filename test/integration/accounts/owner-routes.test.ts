/**
 * Routes on account tags that send to the account's owner, against the SES stand-in: through the
 * replay CLI (as a user runs it) and through the Lambda's window notifier (SES transport, directory).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { staticDirectory } from '../../../functions/adapters/directory/directory-source.js';
import { createSesTransport } from '../../../functions/adapters/ses-transport.js';
import { parseAccountsFile } from '../../../functions/core/accounts/accounts-file.js';
import { parseConfig } from '../../../functions/core/config.js';
import { createEventPipeline } from '../../../functions/core/pipeline/pipeline.js';
import { renderer } from '../../../functions/core/render/prebuilt.js';
import { createNotifier } from '../../../functions/notifier/notify-batch.js';
import { runReplay, writeEvents } from '../../replay/run-replay.js';
import { type ReadStandIn, startReadStandIn } from '../../support/aws-read-stand-in.js';
import { readFixtureText } from '../../support/fixtures.js';
import { importHandler, useLocalLambda } from '../../support/lambda.js';
import { seedEvent } from '../../support/seed-events.js';
import { sqsRecord } from '../../support/sqs.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION, type SesStandIn, startSes } from '../../support/stand-ins.js';

const ACCOUNTS = 'test/fixtures/accounts/accounts.json';
const CONFIG = 'test/fixtures/accounts/owner-routes.config.json';
const events = [
  { name: 'payments', event: seedEvent({ tag: 'pay', severity: 'HIGH', account: '111122223333' }) },
  { name: 'data', event: seedEvent({ tag: 'data', severity: 'MEDIUM', account: '444455556666' }) },
  { name: 'sandbox', event: seedEvent({ tag: 'box', severity: 'LOW', account: '777788889999' }) },
  { name: 'unknown', event: seedEvent({ tag: 'unknown', severity: 'LOW', account: '121212121212' }) },
];

/** Who got which finding (by its `[tag]`), sorted. */
function recipientsByTag(emails: { subject: string; destination: { to: string[] } }[]): Record<string, string[]> {
  return Object.fromEntries(emails.map((e) => [/\[(\w+)\]/.exec(e.subject.replace(/^\[\w+\]/, ''))?.[1] ?? e.subject, e.destination.to]));
}

const EXPECTED = {
  // prod-owners: the SECURITY alternate contact.
  pay: ['payments-sec@example.com'],
  // dev-owners names tag security-owner; data-lake-dev has none, so its SECURITY contact.
  data: ['data-sec@example.com'],
  // sandbox: neither tag nor contact: the route's own recipients.
  box: ['platform@example.com'],
  // no route matches an account outside the directory: the top-level recipients.
  unknown: ['soc@example.com'],
};

describe('routes to account owners, against the SES stand-in', () => {
  let ses: SesStandIn;
  beforeAll(async () => {
    ses = await startSes();
  });
  afterAll(() => ses.stop());
  beforeEach(() => ses.clear());

  it('replay --accounts: each email goes to its account owner and names the account', async () => {
    // Prepare
    const dir = await writeEvents(await mkdtemp(join(tmpdir(), 'owners-')), events);
    process.env.AWS_ENDPOINT_URL_SESV2 = ses.endpoint;
    process.env.AWS_ACCESS_KEY_ID = DUMMY_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = DUMMY_CREDENTIALS.secretAccessKey;

    // Act
    const run = await runReplay(['--config', CONFIG, '--accounts', ACCOUNTS, '--transport', 'ses', '--region', LOCAL_REGION, dir]);

    // Assess
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const emails = await ses.emails();
    expect(recipientsByTag(emails)).toEqual(EXPECTED);
    const pay = emails.find((e) => e.subject.includes('[pay]'));
    expect(pay?.subject).toContain('payments-prod (111122223333)');
    expect(pay?.body.text).toContain('payments-prod (111122223333)');
    expect(
      cheerio
        .load(pay?.body.html ?? '')('td.fact-value')
        .text(),
    ).toContain('payments-prod (111122223333)');
  });

  it('the Lambda window notifier: the same recipients, and a log line for each fallback', async () => {
    // Prepare
    const config = parseConfig(JSON.parse(readFixtureText(CONFIG)));
    const client = new SESv2Client({ endpoint: ses.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
    const warnings: Record<string, unknown>[] = [];
    const log = { info() {}, error() {}, warn: (_: string, attributes: Record<string, unknown>) => void warnings.push(attributes) };
    const notifier = createNotifier({
      pipeline: createEventPipeline(config, renderer),
      transport: createSesTransport({ client, from: 'notifier@example.com', to: ['soc@example.com'] }),
      log,
      perSecond: 1000,
      now: () => new Date('2026-03-31T00:00:00Z'),
      directory: staticDirectory(parseAccountsFile(JSON.parse(readFixtureText(ACCOUNTS)), ACCOUNTS)),
    });

    // Act
    const report = await notifier.notify(events.map((e) => ({ input: e.name, json: e.event })));

    // Assess
    expect(report.failedInputs.size).toBe(0);
    expect(recipientsByTag(await ses.emails())).toEqual(EXPECTED);
    expect(warnings).toEqual([
      { route: 'dev-owners', reason: 'account 777788889999: no tag security-owner, no SECURITY alternate contact' },
    ]);
    client.destroy();
  });

  describe('the Lambda handler, with Organizations and the Account API as stand-ins', () => {
    let aws: ReadStandIn;
    beforeAll(async () => {
      aws = await startReadStandIn();
      const file = JSON.parse(readFixtureText(ACCOUNTS)) as Record<
        string,
        { name: string; tags: Record<string, string>; alternateContacts?: { SECURITY?: { email: string } } }
      >;
      for (const [id, entry] of Object.entries(file)) {
        const email = entry.alternateContacts?.SECURITY?.email;
        aws.data.accounts[id] = { name: entry.name, tags: entry.tags, ...(email ? { securityEmail: email } : {}) };
      }
    });
    afterAll(() => aws.stop());
    const output = useLocalLambda(() => ({
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      AWS_ENDPOINT_URL_ORGANIZATIONS: aws.endpoint,
      AWS_ENDPOINT_URL_ACCOUNT: aws.endpoint,
    }));

    it('an SQS batch: each email goes to its account owner, looked up in Organizations', async () => {
      // Prepare
      vi.stubEnv('NOTIFIER_CONFIG', JSON.stringify({ ...JSON.parse(readFixtureText(CONFIG)), accounts: {} }));
      const handler = await importHandler();

      // Act
      const response = await handler({ Records: events.map((e) => sqsRecord(e.name, JSON.stringify(e.event))) });

      // Assess
      expect(response).toEqual({ batchItemFailures: [] });
      const emails = await ses.emails();
      expect(recipientsByTag(emails)).toEqual(EXPECTED);
      expect(emails.find((e) => e.subject.includes('[pay]'))?.body.text).toContain('payments-prod (111122223333)');
      expect(aws.calls).toContain('DescribeAccount');
      const fallback = output.lines().filter((l) => l.message === 'no account owner found; sending to the route recipients');
      expect(fallback.map((l) => l.route)).toEqual(['dev-owners']);
    });
  });
});
