/** `npm run smoke` with the real SDK clients against a loopback Security Hub, CloudWatch Logs and SQS. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/lib/paths.js';
import { notifierParts } from '../../infra/smoke/cli.js';
import { runSmoke, type SmokeResult } from '../../infra/smoke/smoke.js';
import { type JsonAnswer, type JsonStandIn, startJsonStandIn } from '../support/json-stand-in.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION } from '../support/stand-ins.js';

const ACCOUNT = '111122223333';
const parts = {
  logGroupName: '/aws/lambda/notifier',
  queueUrl: 'http://queue/buffer',
  deadLetterQueueUrl: 'http://queue/dlq',
  ruleTargetDeadLetterQueueUrl: 'http://queue/target-dlq',
};

/** The stand-in's answers for one test: log lines (JSON objects) and queue depths by URL. */
let hub: JsonAnswer = {};
let logLines: Record<string, unknown>[] = [];
let depths: Record<string, number> = {};
let standIn: JsonStandIn;
beforeAll(async () => {
  standIn = await startJsonStandIn({
    'GET /accounts': () => hub,
    'POST /findings/import': (body) => ({ FailedCount: 0, SuccessCount: (body.Findings as unknown[]).length, FailedFindings: [] }),
    FilterLogEvents: (body) => ({
      events: logLines
        .filter((line) => JSON.stringify(line).includes(String(body.filterPattern).replaceAll('"', '')))
        .map((line, i) => ({ eventId: String(i), message: JSON.stringify(line), timestamp: 0 })),
    }),
    GetQueueAttributes: (body) => ({
      Attributes: { ApproximateNumberOfMessages: String(depths[String(body.QueueUrl)] ?? 0), ApproximateNumberOfMessagesNotVisible: '0' },
    }),
  });
});
afterAll(() => standIn.stop());

async function smoke(): Promise<SmokeResult> {
  const options = { endpoint: standIn.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 };
  let clock = Date.parse('2026-12-07T03:00:00Z');
  standIn.calls.splice(0);
  return runSmoke(
    { securityHub: new SecurityHubClient(options), logs: new CloudWatchLogsClient(options), sqs: new SQSClient(options) },
    {
      parts,
      severity: 'HIGH',
      timeoutMs: 60_000,
      pollMs: 5_000,
      now: () => new Date(clock),
      sleep: async (ms) => {
        clock += ms;
      },
      log: () => undefined,
    },
  );
}

const imports = () =>
  standIn.calls.filter((c) => c.operation === 'POST /findings/import').map((c) => (c.body.Findings as Record<string, unknown>[])[0]);

describe('runSmoke', () => {
  beforeAll(() => {
    hub = { HubArn: `arn:aws:securityhub:${LOCAL_REGION}:${ACCOUNT}:hub/default` };
  });

  it('imports a labelled finding under the custom product, sees the email in the log, and archives the finding', async () => {
    logLines = [{ message: 'email sent', transport: 'ses', findingId: 'securityhub-email-notifier-smoke-1796612400000' }];
    const result = await smoke();

    expect(result).toEqual({ ok: true, detail: 'the function mailed it through ses' });
    const [finding, archive] = imports();
    expect(finding).toMatchObject({
      Id: 'securityhub-email-notifier-smoke-1796612400000',
      ProductArn: `arn:aws:securityhub:${LOCAL_REGION}:${ACCOUNT}:product/${ACCOUNT}/default`,
      AwsAccountId: ACCOUNT,
      Title: expect.stringMatching(/^\[TEST\] securityhub-email-notifier smoke test/),
      Severity: { Label: 'HIGH' },
      RecordState: 'ACTIVE',
    });
    expect(archive).toMatchObject({ Id: finding?.Id, RecordState: 'ARCHIVED' });
    expect(Date.parse(String(archive?.UpdatedAt))).toBeGreaterThan(Date.parse(String(finding?.UpdatedAt)));
  });

  it.each([
    [
      [{ message: 'finding skipped', kind: 'filtered', reason: 'severity HIGH is not in [CRITICAL]' }],
      {},
      'function',
      'skipped it: filtered: severity HIGH is not in [CRITICAL]',
    ],
    [
      [{ message: 'delivery failed', transport: 'ses', reason: 'Email address is not verified' }],
      {},
      'ses',
      'Email address is not verified',
    ],
    [
      [{ message: 'configuration error: NOTIFIER_CONFIG_FILE: cannot read', level: 'ERROR' }],
      {},
      'function',
      'it logged errors: configuration error: NOTIFIER_CONFIG_FILE: cannot read',
    ],
    [[], { [parts.ruleTargetDeadLetterQueueUrl]: 1 }, 'rule', 'EventBridge could not deliver to the buffer (1 in its dead-letter queue)'],
    [[], { [parts.deadLetterQueueUrl]: 2 }, 'function', '2 message(s) in the dead-letter queue: the function failed them'],
    [[], { [parts.queueUrl]: 3 }, 'queue', '3 message(s) wait in the buffer: the function is not taking them (event source mapping?)'],
    [[], {}, 'rule', expect.stringMatching(/^nothing reached the buffer or the function: the rule did not match/)],
  ])('names the step that failed: %j with queues %j -> %s', async (lines, queues, step, detail) => {
    logLines = lines.map((line) => ({ ...line, findingId: 'securityhub-email-notifier-smoke-1796612400000' }));
    depths = queues;
    expect(await smoke()).toEqual({ ok: false, step, detail });
    expect(imports().map((f) => f?.RecordState)).toEqual(['ACTIVE', 'ARCHIVED']);
    depths = {};
  });

  it('stops before importing anything when Security Hub is not enabled', async () => {
    hub = { error: 'InvalidAccessException', message: 'Account is not subscribed to AWS Security Hub', status: 401 };
    const result = await smoke();
    hub = { HubArn: `arn:aws:securityhub:${LOCAL_REGION}:${ACCOUNT}:hub/default` };

    expect(result).toMatchObject({ ok: false, step: 'security hub' });
    expect(imports()).toEqual([]);
  });
});

describe('npm run smoke', () => {
  it('finds the notifier in the outputs npm run deploy wrote', () => {
    const outputs = {
      SecurityHubEmailNotifier: {
        FindingsQueueUrl: 'q',
        FindingsDeadLetterQueueUrl: 'd',
        FindingsRuleTargetDeadLetterQueueUrl: 't',
        FindingsLogGroupName: 'l',
        FindingsFunctionName: 'f',
      },
    };
    expect(notifierParts(outputs)).toEqual({
      logGroupName: 'l',
      queueUrl: 'q',
      deadLetterQueueUrl: 'd',
      ruleTargetDeadLetterQueueUrl: 't',
    });
    expect(() => notifierParts(outputs, undefined, 'Other')).toThrow('SecurityHubEmailNotifier has no output OtherLogGroupName');
  });

  it('explains itself with --help and exits 0', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'infra/smoke/cli.ts'), '--help'], {
      encoding: 'utf8',
    });

    expect(out).toMatch(/^usage: npm run smoke/);
    expect(out).toContain('BatchImportFindings');
    expect(out).toContain('archives the test finding');
  });
});
