import { ConfigError } from '../core/errors.js';
import { parseCommandLine, renderSettings } from '../replay/command-line.js';

export const USAGE = `Usage: npm run summary -- [--config FILE] [--accounts FILE] [--state DIR] [--now ISO] [--out DIR] PATH...

Builds the summary email of each route from finding exports (JSON files, or folders searched
recursively for *.json; every shape replay reads: events, GetFindings / GetFindingsV2 output,
bare findings) and writes it into the outbox as .html, .txt and .eml. On a route that sends to
account owners (with --accounts), each owner also gets a summary of just their accounts.

Options:
  --config FILE        a configuration JSON file (routes, locale, time zone, summary schedule)
  --accounts FILE      account names, tags and security contacts (stands in for Organizations)
  --now ISO            the time of the summary (default: now)
  --state DIR          keep each summary in DIR/summaries.json: the next run counts new and resolved
                       against it; "mailed" reads DIR/state.json (replay --state DIR)
  --since ISO          the time of the last summary (default: the one in --state, else one
                       schedule period before --now)
  --out DIR            outbox folder (default: outbox)
  --locale en|ja       email language      --time-zone ZONE    e.g. Asia/Tokyo
  -h, --help           show this help

stdout: one line per summary ("summary ROUTE [owner ADDRESS] -> FILES: SUBJECT").
stderr: one line per bad input ("error FILE: JSON.path: what is wrong"), and one per account of
an owner route without an owner summary ("note ROUTE: ...").
Exit status: 0 when every input was read, 1 otherwise (the summaries are written either way).`;

export interface SummaryArgs {
  readonly paths: readonly string[];
  readonly configFile?: string;
  readonly accountsFile?: string;
  /** Folder of the summary records (and replay's dedup state). */
  readonly stateDir?: string;
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly now?: Date;
  readonly since?: Date;
  readonly help: boolean;
}

/** Parses the command line. Throws `ConfigError` naming the flag on a bad one. */
export function parseSummaryArgs(argv: readonly string[]): SummaryArgs {
  const { values, positionals } = parseCommandLine(argv, {
    config: { type: 'string' },
    accounts: { type: 'string' },
    state: { type: 'string' },
    now: { type: 'string' },
    since: { type: 'string' },
    out: { type: 'string' },
  });
  // The summary CLI always writes into the outbox, whatever transport the config file names.
  const overrides: Record<string, unknown> = { ...renderSettings(values), transport: 'file' };
  if (values.out !== undefined) overrides.outDir = values.out;
  if (!values.help && positionals.length === 0) throw new ConfigError('PATH', 'give at least one finding export (file or folder)');
  const now = time('--now', values.now);
  const since = time('--since', values.since);
  return {
    paths: positionals,
    overrides,
    help: values.help ?? false,
    ...(values.config === undefined ? {} : { configFile: values.config }),
    ...(values.accounts === undefined ? {} : { accountsFile: values.accounts }),
    ...(values.state === undefined ? {} : { stateDir: values.state }),
    ...(now ? { now } : {}),
    ...(since ? { since } : {}),
  };
}

function time(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new ConfigError(flag, `not an ISO-8601 time: ${JSON.stringify(value)}`);
  return date;
}
