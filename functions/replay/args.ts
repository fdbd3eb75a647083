import { ConfigError } from '../core/errors.js';
import { parseCommandLine, renderSettings } from './command-line.js';

export const USAGE = `Usage: npm run replay -- [options] PATH...

Runs Security Hub events or findings (JSON files, or folders searched recursively for *.json)
through the same pipeline as the Lambda and delivers the emails.

Options:
  --out DIR            outbox folder for the file transport (default: outbox)
  --transport T        file (default), ses or sns: ses/sns send for real with the AWS credential chain
  --config FILE        a configuration JSON file (the same shape the CDK app uses)
  --from ADDR          SES sender          --to ADDR[,ADDR]   SES recipients
  --topic-arn ARN      SNS topic           --region REGION     AWS Region for ses/sns
  --locale en|ja       email language      --time-zone ZONE    e.g. Asia/Tokyo
  --accounts FILE      account names, tags and security contacts (stands in for Organizations)
  --state DIR          keep the dedup state between runs in DIR/state.json (default: this run only)
  --now ISO            the time of the run (silences, repeat interval), e.g. 2026-03-31T09:00:00Z
  -h, --help           show this help

All inputs of one run are one batch: copies collapse, floods become digests, and
findings with no material change since the state in --state are skipped.

stdout: one line per email ("email ...") and per skipped finding ("skipped ... kind: reason").
stderr: one line per bad input ("error FILE: JSON.path: what is wrong").
Exit status: 0 when every input was read, 1 otherwise.`;

export interface ReplayArgs {
  readonly paths: readonly string[];
  readonly configFile?: string;
  /** Settings given as flags; they override the config file. */
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly region?: string;
  /** The `--accounts` file (account directory). */
  readonly accountsFile?: string;
  /** Folder of the JSON-file state store. */
  readonly stateDir?: string;
  readonly now?: Date;
  readonly help: boolean;
}

/** Parses the command line. Throws `ConfigError` naming the flag on a bad one. */
export function parseReplayArgs(argv: readonly string[]): ReplayArgs {
  const { values, positionals } = parseCommandLine(argv, {
    out: { type: 'string' },
    transport: { type: 'string' },
    config: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'topic-arn': { type: 'string' },
    region: { type: 'string' },
    state: { type: 'string' },
    now: { type: 'string' },
    accounts: { type: 'string' },
  });
  const overrides: Record<string, unknown> = renderSettings(values);
  if (values.transport !== undefined) overrides.transport = values.transport;
  if (values.out !== undefined) overrides.outDir = values.out;
  if (values['topic-arn'] !== undefined) overrides.sns = { topicArn: values['topic-arn'] };
  if (values.from !== undefined || values.to !== undefined) {
    overrides.ses = { from: values.from, to: values.to?.split(',').map((to) => to.trim()) };
  }
  const now = values.now === undefined ? undefined : new Date(values.now);
  if (now && Number.isNaN(now.getTime())) throw new ConfigError('--now', `not an ISO-8601 time: ${JSON.stringify(values.now)}`);
  if (!values.help && positionals.length === 0) throw new ConfigError('PATH', 'give at least one file or folder to replay');
  return {
    paths: positionals,
    overrides,
    help: values.help ?? false,
    ...(values.config === undefined ? {} : { configFile: values.config }),
    ...(values.region === undefined ? {} : { region: values.region }),
    ...(values.state === undefined ? {} : { stateDir: values.state }),
    ...(values.accounts === undefined ? {} : { accountsFile: values.accounts }),
    ...(now ? { now } : {}),
  };
}
