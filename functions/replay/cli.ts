/**
 * `npm run replay -- [options] PATH...`: runs JSON files through the same pipeline as the Lambda,
 * all inputs of one run as one batch. stdout: `email ...` and `skipped ...` lines;
 * stderr: one `error ...` line per bad input or failed delivery.
 * Exit 0 when every input was read and every email delivered (skips are fine), 1 otherwise.
 */

import { staticDirectory } from '../adapters/directory/directory-source.js';
import { createFileStateStore, createMemoryStateStore } from '../adapters/state/index.js';
import { compileTemplates } from '../build/compile-templates.js';
import { createPipeline } from '../core/pipeline/pipeline.js';
import { ratePerSecond } from '../core/policy/pacing.js';
import { createRenderer } from '../core/render/create-renderer.js';
import type { Delivery } from '../notifier/deliver-emails.js';
import { createNotifier } from '../notifier/notify-batch.js';
import { parseReplayArgs, USAGE } from './args.js';
import { loadAccounts } from './load-accounts.js';
import { loadReplayConfig } from './load-config.js';
import { readInputs } from './read-inputs.js';
import { createReplayTransport } from './replay-transport.js';
import { digestedLines, emailLine, errorLine, invalidLine, skippedLine } from './report-lines.js';

// The AWS SDK warns on every run under Node.js 20, which these machines and many laptops run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Replay reports through its lines, not through a logger. */
const QUIET = { info() {}, warn() {}, error() {} };

async function main(argv: readonly string[]): Promise<number> {
  const args = parseReplayArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = await loadReplayConfig(args);
  const directory = await loadAccounts(args.accountsFile);
  const renderer = createRenderer(await compileTemplates('templates'));
  if (args.region !== undefined) process.env.AWS_REGION = args.region;
  const replay = await createReplayTransport(config);
  const now = args.now ?? new Date();
  const clock = { now: () => now };
  // Without --state the dedup state lives for this run only.
  const store = args.stateDir === undefined ? createMemoryStateStore(clock) : createFileStateStore(args.stateDir, clock);
  const { records, errors } = await readInputs(args.paths);
  for (const line of errors) process.stderr.write(`${line}\n`);
  const name = replay.transport.name;
  const notifier = createNotifier({
    pipeline: createPipeline(config, renderer),
    transport: replay.transport,
    log: QUIET,
    store,
    perSecond: ratePerSecond(name, config.policy.rate.perSecond),
    now: () => now,
    directory: staticDirectory(directory),
    onDelivery: (delivery) => printDelivery(delivery, replay.where(delivery.destination)),
  });
  const report = await notifier.notify(records);
  for (const skip of [...report.redelivered, ...report.output.plan.skipped]) {
    process.stdout.write(`${skippedLine(skip.input, skip.finding, `${skip.kind}: ${skip.reason}`)}\n`);
  }
  for (const error of report.reads.flatMap((read) => read.errors)) process.stderr.write(`${invalidLine(error)}\n`);
  return errors.length === 0 && report.failedInputs.size === 0 ? 0 : 1;
}

function printDelivery({ item, error }: Delivery, where: string): void {
  const input = item.inputs[0] ?? '-';
  if (error) process.stderr.write(`${errorLine(input, `delivery failed: ${error.message}`)}\n`);
  else {
    const lines = [emailLine(input, item.email, where, item.inputs.length), ...digestedLines(item.inputs, where)];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    // Settings and templates: one line naming what is wrong. Anything else is a bug: show the stack.
    const known = { ConfigError: 'settings', TemplateError: 'templates', StateStoreError: 'state' }[error.name];
    process.stderr.write(known ? `${errorLine(known, error.message)}\n` : `error ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
