/**
 * `npm run --silent simulate -- [--config DEPLOY_CONFIG] [--seed N] [--over SECONDS] [--crash-rate P] [--accounts FILE] [--json FILE] PATH...`
 * What would this configuration have done with these findings? The deployed plumbing on a
 * simulated clock (see simulation.ts); stdout: a short summary; `--json`: every email, skip and
 * dead letter. Exit 0 when no finding is lost, 1 otherwise.
 */
import { writeFile } from 'node:fs/promises';
import { loadDeployConfig } from '../../infra/lib/load-deploy-config.js';
import { compileTemplates } from '../build/compile-templates.js';
import { ConfigError } from '../core/errors.js';
import { createRenderer } from '../core/render/create-renderer.js';
import { parseCommandLine } from '../replay/command-line.js';
import { loadAccounts } from '../replay/load-accounts.js';
import { collectSimInputs } from './inputs.js';
import { simulate } from './simulation.js';
import { summary } from './summary.js';
import { synthesizePlumbing } from './synth-event-source.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = `Usage: npm run --silent simulate -- [options] PATH...

Runs Security Hub events or findings (files or folders, as replay reads them) through the deployed
plumbing on a simulated clock: the buffer queue and the flush queue with the event source mappings
the CDK construct synthesizes for the configuration, the real handler code, DynamoDB (dynalite)
and SES v2 or SNS stand-ins on loopback. An event arrives at its "time", relative to the earliest.

Options:
  --config FILE      deployment configuration of infra/ (default infra/notifier.config.json); its first notifier
  --seed N           seed of every random choice (default 1)
  --over SECONDS     spread the inputs at random over this many seconds instead of their times
  --crash-rate P     each invocation dies with probability P at a random point of its work (default 0)
  --accounts FILE    account names, tags and security contacts (stands in for Organizations)
  --json FILE        write the whole result as JSON
  -h, --help         show this help

stdout: a short summary. Exit status: 0 when every finding was emailed, skipped or dead-lettered.`;

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    config: { type: 'string' },
    seed: { type: 'string' },
    over: { type: 'string' },
    'crash-rate': { type: 'string' },
    json: { type: 'string' },
    accounts: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new ConfigError('PATH', 'give at least one file or folder to simulate');
  const seed = number('--seed', values.seed ?? '1', 0, Number.MAX_SAFE_INTEGER);
  const crashRate = number('--crash-rate', values['crash-rate'] ?? '0', 0, 1);
  const over = values.over === undefined ? undefined : number('--over', values.over, 0, 31 * 86_400);
  const deploy = loadDeployConfig(values.config);
  const directory = values.accounts === undefined ? undefined : await loadAccounts(values.accounts);
  const notifier = deploy.notifiers[0]?.notifier;
  if (!notifier) throw new ConfigError('notifiers', 'the deployment configuration has no notifier');
  const { inputs, problems } = await collectSimInputs(positionals, { seed, ...(over === undefined ? {} : { overSeconds: over }) });
  for (const problem of problems) process.stderr.write(`input ${problem}\n`);
  const result = await simulate({
    notifier,
    plumbing: synthesizePlumbing(deploy),
    renderer: createRenderer(await compileTemplates('templates')),
    inputs,
    seed,
    crashRate,
    ...(directory ? { directory } : {}),
  });
  if (values.json) {
    const { delivered: _delivered, dynamodbUnits: _units, crashed: _crashed, ...shape } = result;
    await writeFile(values.json, `${JSON.stringify(shape, null, 2)}\n`);
  }
  process.stdout.write(`${summary(result)}\n`);
  return result.lost.length === 0 ? 0 : 1;
}

function number(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new ConfigError(flag, `expected a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(error.name === 'ConfigError' ? `error settings: ${error.message}\n` : `error ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
