/**
 * The smoke test a user runs once after `npm run deploy`: a labelled test finding goes into
 * Security Hub, and the notifier's own log must say it mailed it; otherwise the step that failed
 * is named (rule, queue, function, SES/SNS) from the logs and the queues. The finding is archived
 * at the end, whatever happened.
 */
import { type CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { BatchImportFindingsCommand, DescribeHubCommand, type SecurityHubClient } from '@aws-sdk/client-securityhub';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type TestFindingInput, testFinding } from './test-finding.js';

/** The parts of one deployed notifier the smoke test watches (its stack outputs). */
export interface NotifierParts {
  readonly logGroupName: string;
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
  readonly ruleTargetDeadLetterQueueUrl: string;
}

export interface SmokeClients {
  readonly securityHub: Pick<SecurityHubClient, 'send'>;
  readonly logs: Pick<CloudWatchLogsClient, 'send'>;
  readonly sqs: Pick<SQSClient, 'send'>;
}

export interface SmokeOptions {
  readonly parts: NotifierParts;
  readonly severity: TestFindingInput['severity'];
  /** How long to wait for the notifier, in milliseconds. */
  readonly timeoutMs: number;
  /** Between two looks at the log. */
  readonly pollMs: number;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly log: (line: string) => void;
}

/** How the smoke test ended: mailed, or the step that failed and why. */
export type SmokeResult =
  | { readonly ok: true; readonly detail: string }
  | { readonly ok: false; readonly step: string; readonly detail: string };

/**
 * Imports the test finding, waits for the notifier to mail it, archives it.
 *
 * @example
 * const result = await runSmoke(clients, { parts, severity: 'CRITICAL', timeoutMs: 180_000, pollMs: 5_000, now: () => new Date(), sleep, log: console.log });
 */
export async function runSmoke(clients: SmokeClients, options: SmokeOptions): Promise<SmokeResult> {
  const { log } = options;
  let hub: { account: string; region: string; partition: string };
  try {
    hub = parseHubArn((await clients.securityHub.send(new DescribeHubCommand({}))).HubArn);
  } catch (error) {
    return { ok: false, step: 'security hub', detail: `not enabled here, or not readable: ${describe(error)}` };
  }
  const started = options.now();
  const finding: TestFindingInput = {
    ...hub,
    id: `securityhub-email-notifier-smoke-${started.getTime()}`,
    at: started.toISOString(),
    severity: options.severity,
  };
  const imported = await importFinding(clients, testFinding(finding));
  if (imported) return { ok: false, step: 'import', detail: imported };
  log(`imported ${finding.id} (${finding.severity}) in ${hub.account} ${hub.region}`);
  try {
    return await waitForMail(clients, options, finding.id, started);
  } finally {
    const archived = await importFinding(
      clients,
      testFinding({ ...finding, at: new Date(Math.max(options.now().getTime(), started.getTime() + 1000)).toISOString() }, true),
    );
    log(archived ? `could not archive ${finding.id}: ${archived}` : `archived ${finding.id}`);
  }
}

async function waitForMail(clients: SmokeClients, options: SmokeOptions, id: string, started: Date): Promise<SmokeResult> {
  const deadline = started.getTime() + options.timeoutMs;
  while (options.now().getTime() < deadline) {
    await options.sleep(options.pollMs);
    const lines = await logLines(clients, options.parts.logGroupName, `"${id}"`, started);
    for (const line of lines) {
      if (line.message === 'email sent')
        return { ok: true, detail: `the function mailed it through ${String(line.transport ?? 'its transport')}` };
      if (line.message === 'finding skipped')
        return { ok: false, step: 'function', detail: `skipped it: ${String(line.kind)}: ${String(line.reason)}` };
      if (line.message === 'delivery failed') return { ok: false, step: String(line.transport ?? 'delivery'), detail: String(line.reason) };
    }
  }
  return diagnose(clients, options.parts, started);
}

/** No word from the function in time: where the event stopped. */
async function diagnose(clients: SmokeClients, parts: NotifierParts, started: Date): Promise<SmokeResult> {
  const errors = (await logLines(clients, parts.logGroupName, '"ERROR"', started)).map((l) => String(l.message));
  if (errors.length > 0) return { ok: false, step: 'function', detail: `it logged errors: ${[...new Set(errors)].join('; ')}` };
  const [buffer = 0, deadLetters = 0, targetDeadLetters = 0] = await Promise.all(
    [parts.queueUrl, parts.deadLetterQueueUrl, parts.ruleTargetDeadLetterQueueUrl].map((url) => messageCount(clients, url)),
  );
  if (targetDeadLetters > 0)
    return {
      ok: false,
      step: 'rule',
      detail: `EventBridge could not deliver to the buffer (${targetDeadLetters} in its dead-letter queue)`,
    };
  if (deadLetters > 0)
    return { ok: false, step: 'function', detail: `${deadLetters} message(s) in the dead-letter queue: the function failed them` };
  if (buffer > 0)
    return {
      ok: false,
      step: 'queue',
      detail: `${buffer} message(s) wait in the buffer: the function is not taking them (event source mapping?)`,
    };
  return {
    ok: false,
    step: 'rule',
    detail:
      'nothing reached the buffer or the function: the rule did not match (does the severity pass the filters?) or Security Hub sent no event',
  };
}

interface LogLine {
  readonly message?: unknown;
  readonly [key: string]: unknown;
}

async function logLines(clients: SmokeClients, logGroupName: string, filterPattern: string, since: Date): Promise<LogLine[]> {
  const { events = [] } = await clients.logs.send(
    new FilterLogEventsCommand({ logGroupName, filterPattern, startTime: since.getTime() - 60_000 }),
  );
  return events.flatMap((event) => {
    try {
      return [JSON.parse(event.message ?? '') as LogLine];
    } catch {
      return [];
    }
  });
}

async function messageCount(clients: SmokeClients, QueueUrl: string): Promise<number> {
  const names = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] as const;
  const { Attributes = {} } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: [...names] }));
  return names.reduce((sum, name) => sum + Number(Attributes[name] ?? 0), 0);
}

/** An error message, or undefined when every finding was imported. */
async function importFinding(clients: SmokeClients, finding: ReturnType<typeof testFinding>): Promise<string | undefined> {
  try {
    const result = await clients.securityHub.send(new BatchImportFindingsCommand({ Findings: [finding] }));
    const [failed] = result.FailedFindings ?? [];
    return failed ? `${failed.ErrorCode ?? 'failed'}: ${failed.ErrorMessage ?? ''}` : undefined;
  } catch (error) {
    return describe(error);
  }
}

function parseHubArn(arn: string | undefined): { account: string; region: string; partition: string } {
  const [, partition, , region, account] = (arn ?? '').split(':');
  if (!partition || !region || !account) throw new Error(`unexpected hub ARN ${JSON.stringify(arn)}`);
  return { partition, region, account };
}

function describe(error: unknown): string {
  const { name, message } = error as { name?: string; message?: string };
  return [name, message].filter(Boolean).join(': ') || String(error);
}
