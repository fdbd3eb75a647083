/**
 * `npm run summary -- [--config FILE] [--accounts FILE] [--now ISO] [--out DIR] PATH...`: the
 * summary email of each route, built from finding exports into the outbox (.html, .txt, .eml).
 * stdout: one `summary ...` line per summary; stderr: one `error ...` line per bad input.
 */

import { compileTemplates } from '../build/compile-templates.js';
import { readsWithAccounts } from '../core/accounts/with-accounts.js';
import { createPipeline } from '../core/pipeline/pipeline.js';
import { createRenderer } from '../core/render/create-renderer.js';
import { destinationOf } from '../notifier/deliver-emails.js';
import { loadAccounts } from '../replay/load-accounts.js';
import { loadReplayConfig } from '../replay/load-config.js';
import { readInputs } from '../replay/read-inputs.js';
import { createReplayTransport } from '../replay/replay-transport.js';
import { errorLine, invalidLine } from '../replay/report-lines.js';
import { parseSummaryArgs, USAGE } from './args.js';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseSummaryArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = await loadReplayConfig(args);
  const directory = await loadAccounts(args.accountsFile);
  const renderer = createRenderer(await compileTemplates('templates'));
  const pipeline = createPipeline(config, renderer);
  const { records, fileCount, errors } = await readInputs(args.paths);
  const reads = records.map(({ input, json }) => pipeline.read(json, input));
  errors.push(...reads.flatMap((read) => read.errors).map(invalidLine));
  for (const line of errors) process.stderr.write(`${line}\n`);
  const findings = readsWithAccounts(reads, directory).flatMap((read) => read.findings.map((item) => item.finding));
  const problems = [...directory.problems, ...(errors.length > 0 ? [`${errors.length} input problem(s); the numbers leave them out`] : [])];
  const now = args.now ?? new Date();
  const summaries = pipeline.summaries(findings, { now, ...(args.since ? { since: () => args.since as Date } : {}), problems });
  const outbox = await createReplayTransport(config);
  for (const { route, email } of summaries) {
    const destination = destinationOf(route);
    await (destination ? outbox.transport.send(email, destination) : outbox.transport.send(email));
    const where = outbox.where(destination);
    process.stdout.write(
      `summary ${route.name} -> ${where}: ${email.subject} (${email.headers['X-SecurityHub-Finding-Count']} open findings from ${fileCount} inputs)\n`,
    );
  }
  return errors.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    const known = { ConfigError: 'settings', TemplateError: 'templates' }[error.name];
    process.stderr.write(known ? `${errorLine(known, error.message)}\n` : `error ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
