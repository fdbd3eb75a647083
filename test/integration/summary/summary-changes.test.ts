/**
 * The summary Lambda over two runs and on an owner route, as deployed: Security Hub,
 * Organizations and Account are the loopback read stand-in, the state table is dynalite, SES is
 * aws-ses-v2-local. New and resolved come from the record the first summary kept; "mailed" from the
 * dedup state the alert function writes; an owner route sends one summary per account owner.
 */
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDynamoStateStore } from '../../../functions/adapters/state/dynamodb-store.js';
import { parseConfig } from '../../../functions/core/config.js';
import { createPipeline } from '../../../functions/core/pipeline/pipeline.js';
import type { StoredState } from '../../../functions/core/policy/state.js';
import { renderer } from '../../../functions/core/render/prebuilt.js';
import { type ReadStandIn, startReadStandIn } from '../../support/aws-read-stand-in.js';
import { useLocalLambda } from '../../support/lambda.js';
import { type SesStandIn, type StoredEmail, startSes } from '../../support/stand-ins.js';
import { summaryExport } from '../../support/summary-export.js';
import { createStateTable, type Dynalite, startDynalite } from '../state/dynalite.js';

const TABLE = 'summary-changes-state';
const FALLBACK_LINE = "First summary (no record of the last one): new and resolved are counted from Security Hub's timestamps.";
const BASE = {
  transport: 'ses',
  ses: { from: 'notifier@example.com', to: ['soc@example.com'] },
  stateTable: TABLE,
  accounts: {},
  summary: { schedule: 'cron(0 8 ? * MON *)', timeZone: 'UTC' },
  policy: { rate: { perSecond: 50 } },
};

async function loadHandler(config: object) {
  vi.stubEnv('NOTIFIER_CONFIG', JSON.stringify(config));
  vi.resetModules();
  return (await import('../../../functions/summary-handler.js')).handler;
}

/** `Finding.key` of each raw ASFF finding, as the notifier computes it. */
function keysOf(findings: readonly Record<string, unknown>[]): string[] {
  return createPipeline(parseConfig({}), renderer)
    .read({ Findings: findings }, 'test')
    .findings.map((item) => item.finding.key);
}

function mailedRecord(key: string, notifiedAt: string): StoredState {
  return {
    key,
    state: { severity: 'HIGH', recordState: 'ACTIVE', workflowStatus: 'NEW', complianceStatus: 'FAILED' },
    notifiedAt,
    firstNotifiedAt: notifiedAt,
    expiresAt: Math.floor(Date.now() / 1000) + 86_400,
  };
}

function changes(mail: StoredEmail | undefined) {
  const $ = cheerio.load(mail?.body.html ?? '');
  return {
    html: {
      new: $('.new-count').text(),
      resolved: $('.resolved-count').text(),
      mailed: $('.mailed-count').text(),
      note: $('.changes-note').text().trim(),
    },
    text: mail?.body.text ?? '',
  };
}

function accountsIn(mail: StoredEmail | undefined): string[] {
  const $ = cheerio.load(mail?.body.html ?? '');
  return $('td.account')
    .map((_, cell) => $(cell).text())
    .get()
    .sort();
}

describe('summary handler: what changed since the last summary, and summaries per account owner', () => {
  let ses: SesStandIn;
  let aws: ReadStandIn;
  let dynamo: Dynalite;
  beforeAll(async () => {
    [ses, aws, dynamo] = await Promise.all([startSes(), startReadStandIn(), startDynalite()]);
    await createStateTable(dynamo.client(), TABLE);
  });
  afterAll(() => Promise.all([ses.stop(), aws.stop(), dynamo.stop()]));
  beforeEach(async () => {
    await ses.clear();
    aws.data.accounts = {
      '111122223333': { name: 'payments-prod', tags: { 'security-owner': 'payments-owner@example.com' } },
      '444455556666': { name: 'data-lake-dev', securityEmail: 'data-owner@example.com' },
      '777788889999': { name: 'sandbox', tags: { 'security-owner': 'payments-owner@example.com' } },
    };
  });
  const output = useLocalLambda(() => ({
    AWS_ENDPOINT_URL_SECURITYHUB: aws.endpoint,
    AWS_ENDPOINT_URL_ORGANIZATIONS: aws.endpoint,
    AWS_ENDPOINT_URL_ACCOUNT: aws.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  }));

  it('counts new and resolved against the first summary, and the findings mailed in between', async () => {
    // Prepare: 30 open findings, all first observed months ago.
    const all = summaryExport({ count: 34 }).Findings;
    const [first30, added] = [all.slice(0, 30), all.slice(30)];
    aws.data.asff = first30;
    const handler = await loadHandler(BASE);

    // Act 1: the first summary has no record to compare with.
    await handler({ route: 'default' });
    // Between the summaries: 5 findings leave Security Hub, 3 are resolved, 4 new ones appear,
    // and the alert function mails 2 of the new ones (an older record of another one stays out).
    const now = new Date().toISOString();
    const resolved = first30.slice(5, 8).map((f) => ({ ...f, Workflow: { Status: 'RESOLVED' }, UpdatedAt: now }));
    aws.data.asff = [...resolved, ...first30.slice(8), ...added];
    const store = createDynamoStateStore({ client: dynamo.client(), tableName: TABLE });
    const [k30, k31] = keysOf(added);
    const [k9] = keysOf(first30.slice(9, 10));
    await store.putMany([mailedRecord(k30 ?? '', now), mailedRecord(k31 ?? '', now), mailedRecord(k9 ?? '', '2020-01-01T00:00:00.000Z')]);
    // Act 2
    await handler({ route: 'default' });

    // Assess
    const [firstMail, secondMail] = await ses.emails();
    const first = changes(firstMail);
    expect(first.html).toEqual({ new: '0', resolved: '0', mailed: '0', note: FALLBACK_LINE });
    expect(first.text).toContain(`(${FALLBACK_LINE})`);
    const second = changes(secondMail);
    expect(second.html).toEqual({ new: '4', resolved: '8', mailed: '2', note: '' });
    expect(second.text).toMatch(/^New: 4$/m);
    expect(second.text).toMatch(/^Resolved: 8$/m);
    expect(second.text).toMatch(/^Mailed by the notifier: 2$/m);
    expect(second.text).not.toContain(FALLBACK_LINE);
    expect(second.text).toMatch(/^Total: 26$/m);
    expect(second.text).toContain('▼ 4 fewer than at the last summary (30)');
  });

  it('an owner route over 3 accounts with 2 owners: the whole route to its recipients, and one summary per owner with only their accounts', async () => {
    // Prepare
    aws.data.asff = summaryExport({ count: 30 }).Findings;
    const config = {
      ...BASE,
      policy: {
        ...BASE.policy,
        routes: [{ name: 'owners', match: {}, owner: { tag: 'security-owner' }, ses: { to: ['platform@example.com'] } }],
      },
    };
    const handler = await loadHandler(config);

    // Act
    const result = await handler({ route: 'owners' });

    // Assess
    expect(result.sent.map((s) => [s.route, s.owner ?? 'route', s.open])).toEqual([
      ['owners', 'route', 30],
      ['owners', 'payments-owner@example.com', 20],
      ['owners', 'data-owner@example.com', 10],
    ]);
    const mails = await ses.emails();
    expect(mails).toHaveLength(3);
    const to = (address: string) => mails.filter((m) => m.destination.to.includes(address));
    const [whole] = to('platform@example.com');
    const [payments] = to('payments-owner@example.com');
    const [data] = to('data-owner@example.com');
    expect(mails.map((m) => m.destination.to)).toEqual([
      ['platform@example.com'],
      ['payments-owner@example.com'],
      ['data-owner@example.com'],
    ]);
    expect(accountsIn(whole)).toEqual(['data-lake-dev (444455556666)', 'payments-prod (111122223333)', 'sandbox (777788889999)']);
    expect(accountsIn(payments)).toEqual(['payments-prod (111122223333)', 'sandbox (777788889999)']);
    expect(payments?.body.text).not.toContain('data-lake-dev');
    expect(payments?.body.text).toMatch(/^Account owner: payments-owner@example\.com \(only this owner's accounts\)$/m);
    expect(
      cheerio
        .load(payments?.body.html ?? '')('.owner strong')
        .text(),
    ).toBe('payments-owner@example.com');
    expect(accountsIn(data)).toEqual(['data-lake-dev (444455556666)']);
    expect(data?.body.text).not.toContain('payments-prod');
    expect(data?.body.text).not.toContain('sandbox');
    expect(data?.body.text).toMatch(/^Total: 10$/m);
    // The subject names an owner's only account, and counts several.
    expect(data?.subject).toMatch(/\| data-lake-dev \(444455556666\)$/);
    expect(payments?.subject).toMatch(/\| 2 accounts$/);
    expect(cheerio.load(whole?.body.html ?? '')('.owner')).toHaveLength(0);
    for (const mail of mails) expect(Buffer.byteLength(mail.body.html ?? '')).toBeLessThan(102 * 1024);
    expect(output.lines().filter((l) => l.message === 'summary sent')).toHaveLength(3);
  });

  it('an account without an owner address is in the route summary only, and the log says so', async () => {
    // Prepare
    aws.data.accounts['777788889999'] = { name: 'sandbox' };
    aws.data.asff = summaryExport({ count: 30 }).Findings.map((f) => ({ ...f, AwsAccountId: '777788889999' }));
    const config = {
      ...BASE,
      policy: { ...BASE.policy, routes: [{ name: 'contacts', match: {}, owner: {}, ses: { to: ['platform@example.com'] } }] },
    };
    const handler = await loadHandler(config);

    // Act
    const result = await handler({ route: 'contacts' });

    // Assess
    expect(result.sent.map((s) => s.owner ?? 'route')).toEqual(['route']);
    const [mail] = await ses.emails();
    expect(mail?.destination.to).toEqual(['platform@example.com']);
    expect(accountsIn(mail)).toEqual(['sandbox (777788889999)']);
    expect(output.lines().filter((l) => l.message === 'no account owner found; the account is in the route summary only')).toEqual([
      expect.objectContaining({ route: 'contacts', reason: 'account 777788889999: no SECURITY alternate contact' }),
    ]);
  });
});
