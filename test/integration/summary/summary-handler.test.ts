/**
 * The summary Lambda as deployed: a cold start reads NOTIFIER_CONFIG; Security Hub (GetFindings,
 * GetFindingsV2), Organizations, Account, DynamoDB and SES are loopback stand-ins reached through
 * the SDK's standard endpoint variables.
 */
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ReadStandIn, startReadStandIn } from '../../support/aws-read-stand-in.js';
import { readFixture } from '../../support/fixtures.js';
import { useLocalLambda } from '../../support/lambda.js';
import { type SesStandIn, startSes } from '../../support/stand-ins.js';
import { summaryExport } from '../../support/summary-export.js';
import { createStateTable, type Dynalite, startDynalite } from '../state/dynalite.js';

const CONFIG = {
  transport: 'ses',
  ses: { from: 'notifier@example.com', to: ['soc@example.com'] },
  stateTable: 'notifier-state',
  accounts: {},
  summary: { schedule: 'cron(0 8 ? * MON *)', timeZone: 'Asia/Tokyo', sources: ['GetFindings', 'GetFindingsV2'] },
};

async function loadHandler() {
  vi.stubEnv('NOTIFIER_CONFIG', JSON.stringify(CONFIG));
  vi.resetModules();
  return (await import('../../../functions/summary-handler.js')).handler;
}

describe('summary handler against the stand-ins', () => {
  let ses: SesStandIn;
  let aws: ReadStandIn;
  let dynamo: Dynalite;
  beforeAll(async () => {
    [ses, aws, dynamo] = await Promise.all([startSes(), startReadStandIn(), startDynalite()]);
    await createStateTable(dynamo.client(), 'notifier-state');
  });
  afterAll(() => Promise.all([ses.stop(), aws.stop(), dynamo.stop()]));
  beforeEach(async () => {
    await ses.clear();
    aws.data.asff = summaryExport({ count: 45 }).Findings;
    aws.data.ocsf = [readFixture('fixtures/ocsf/compliance-s3-failed-three-assessments.json') as Record<string, unknown>];
    aws.data.accounts = {
      '111122223333': { name: 'payments-prod', tags: { env: 'prod' }, securityEmail: 'sec@example.com' },
      '444455556666': { name: 'data-lake-dev' },
      '777788889999': { name: 'sandbox' },
    };
    aws.data.throttled.clear();
    aws.data.pageSize = 10;
    aws.calls.length = 0;
  });
  const output = useLocalLambda(() => ({
    AWS_ENDPOINT_URL_SECURITYHUB: aws.endpoint,
    AWS_ENDPOINT_URL_ORGANIZATIONS: aws.endpoint,
    AWS_ENDPOINT_URL_ACCOUNT: aws.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  }));

  it('reads every page of both APIs, names the accounts, and compares the next summary with this one', async () => {
    // Prepare
    const handler = await loadHandler();

    // Act
    const first = await handler({ route: 'default' });
    aws.data.asff = aws.data.asff.slice(0, 40);
    const second = await handler({ route: 'default' });

    // Assess
    expect(aws.calls.filter((c) => c === 'GetFindings').length).toBeGreaterThanOrEqual(5);
    expect(aws.calls).toContain('GetFindingsV2');
    expect(first.sent.map((s) => [s.route, s.open, s.problems])).toEqual([['default', 46, []]]);
    expect(second.sent[0]?.open).toBe(41);
    const [mail, next] = await ses.emails();
    expect(mail?.destination.to).toEqual(['soc@example.com']);
    // 10 HIGH in the ASFF export and the OCSF finding; the OCSF finding is in 111122223333 too.
    expect(mail?.subject).toBe('[Summary] default: 46 open, 5 critical, 11 high | 3 accounts');
    const text = mail?.body.text ?? '';
    for (const name of ['payments-prod (111122223333)', 'data-lake-dev (444455556666)', 'sandbox (777788889999)'])
      expect(text).toContain(name);
    expect(text).toMatch(/^Total: 46$/m);
    expect(Buffer.byteLength(mail?.body.html ?? '')).toBeLessThan(102 * 1024);
    expect(
      cheerio
        .load(mail?.body.html ?? '')('td.open-total')
        .text(),
    ).toBe('46');
    // The second summary counts against the first one, which the state table kept.
    expect(next?.body.text).toContain('▼ 5 fewer than at the last summary (46)');
    expect(output.lines().filter((l) => l.message === 'summary sent')).toHaveLength(2);
  });

  it('sends the summary even when the directory and a source are throttled, and says what it could not read', async () => {
    // Prepare
    aws.data.throttled.add('DescribeAccount');
    aws.data.throttled.add('GetFindingsV2');
    // An account the first test did not put into the directory cache.
    aws.data.asff = aws.data.asff.map((finding) => ({ ...finding, AwsAccountId: '123123123123' }));
    aws.data.accounts['123123123123'] = { name: 'new-account' };
    const handler = await loadHandler();

    // Act
    const result = await handler(undefined);

    // Assess
    const [sent] = result.sent;
    expect(sent?.open).toBe(45);
    expect(sent?.problems).toContainEqual(expect.stringMatching(/^GetFindingsV2 open: TooManyRequestsException/));
    expect(sent?.problems).toContainEqual(expect.stringMatching(/^account 123123123123: DescribeAccount: TooManyRequestsException/));
    const [mail] = await ses.emails();
    const $ = cheerio.load(mail?.body.html ?? '');
    const banner = $('strong').filter((_, e) => $(e).text() === 'Some sources could not be read; the numbers below leave them out:');
    expect(banner.parent().text()).toContain('GetFindingsV2 open: TooManyRequestsException');
    expect(mail?.body.text).toContain('GetFindingsV2 open: TooManyRequestsException');
    expect(output.lines().filter((l) => l.message === 'summary source not read')).toHaveLength(sent?.problems.length ?? -1);
  });

  it('fails the invocation when the email cannot be sent (the scheduler retries it); nothing is logged as sent', async () => {
    // Prepare
    vi.stubEnv('AWS_ENDPOINT_URL_SESV2', 'http://127.0.0.1:9');
    const handler = await loadHandler();

    // Act
    const error = await handler({ route: 'default' }).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ name: 'DeliveryError', transient: true });
    expect(await ses.emails()).toEqual([]);
    expect(output.lines().filter((l) => l.message === 'summary sent')).toEqual([]);
  });
});
