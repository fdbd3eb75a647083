/**
 * `npm run smoke [-- options]`: after `npm run deploy`, checks the deployed notifier end to end
 * with a labelled test finding. One line per step; exit 0 when the notifier mailed it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SQSClient } from '@aws-sdk/client-sqs';
import { type NotifierParts, runSmoke } from './smoke.js';

export const SMOKE_USAGE = `usage: npm run smoke [-- --outputs FILE] [--stack NAME] [--notifier ID] [--severity LEVEL] [--timeout SECONDS]

Checks the deployed notifier end to end, once, in the account and Region of the current AWS
credentials (AWS_PROFILE, AWS_REGION):
  1. imports a test finding titled "[TEST] securityhub-email-notifier smoke test" with
     BatchImportFindings, under the account's own product arn:aws:securityhub:REGION:ACCOUNT:product/ACCOUNT/default;
  2. waits until the notifier's log says it mailed it, or names the step that failed:
     rule (nothing reached the buffer), queue (the function is not taking messages),
     function (skipped, failed or dead-lettered), ses / sns (the delivery failed);
  3. archives the test finding (with notifyOnResolution, that mails a resolution too).
The recipients receive one test email. Exit status 0 when it was mailed, 1 otherwise.

  --outputs FILE      stack outputs written by npm run deploy (default cdk-outputs.json)
  --stack NAME        the stack in that file (default: the only one, or the first)
  --notifier ID       the notifier, by its id in the deployment configuration (default: the first)
  --severity LEVEL    the test finding's severity; one the notifier's filters let through (default CRITICAL)
  --timeout SECONDS   how long to wait for the email (default 180; the queue batches for up to 20 s)`;

const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/**
 * The parts of one notifier from the stack outputs (`<id>QueueUrl`, `<id>LogGroupName`, ...).
 *
 * @throws Error naming what is missing from the outputs.
 */
export function notifierParts(outputs: Record<string, Record<string, string>>, stack?: string, notifier?: string): NotifierParts {
  const stackName = stack ?? Object.keys(outputs)[0];
  const values = stackName === undefined ? undefined : outputs[stackName];
  if (!values) throw new Error(`no stack ${stack ?? ''} in the outputs (found: ${Object.keys(outputs).join(', ') || 'none'})`);
  const id =
    notifier ??
    Object.keys(values)
      .find((key) => key.endsWith('LogGroupName'))
      ?.replace(/LogGroupName$/, '');
  const get = (name: string) => {
    const value = values[`${id}${name}`];
    if (!value) throw new Error(`${stackName} has no output ${id}${name}; deploy with npm run deploy, or pass --notifier`);
    return value;
  };
  return {
    logGroupName: get('LogGroupName'),
    queueUrl: get('QueueUrl'),
    deadLetterQueueUrl: get('DeadLetterQueueUrl'),
    ruleTargetDeadLetterQueueUrl: get('RuleTargetDeadLetterQueueUrl'),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      outputs: { type: 'string', default: 'cdk-outputs.json' },
      stack: { type: 'string' },
      notifier: { type: 'string' },
      severity: { type: 'string', default: 'CRITICAL' },
      timeout: { type: 'string', default: '180' },
    },
  });
  if (values.help) {
    console.log(SMOKE_USAGE);
    return 0;
  }
  const severity = SEVERITIES.find((s) => s === values.severity?.toUpperCase());
  const timeout = Number(values.timeout);
  if (!severity || !(timeout > 0)) {
    console.error(`error settings: --severity is one of ${SEVERITIES.join(', ')} and --timeout a number of seconds`);
    return 1;
  }
  let parts: NotifierParts;
  try {
    parts = notifierParts(JSON.parse(readFileSync(values.outputs, 'utf8')), values.stack, values.notifier);
  } catch (error) {
    console.error(`error ${values.outputs}: ${(error as Error).message}`);
    return 1;
  }
  const options = { maxAttempts: 3 };
  const result = await runSmoke(
    { securityHub: new SecurityHubClient(options), logs: new CloudWatchLogsClient(options), sqs: new SQSClient(options) },
    {
      parts,
      severity,
      timeoutMs: timeout * 1000,
      pollMs: 5000,
      now: () => new Date(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      log: console.log,
    },
  );
  console.log(result.ok ? `ok mailed: ${result.detail}` : `error ${result.step}: ${result.detail}`);
  return result.ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
