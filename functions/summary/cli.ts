/**
 * `npm run summary -- [--config FILE] [--accounts FILE] [--state DIR] [--now ISO] [--out DIR] PATH...`:
 * the summary email of each route (and of each account owner on owner routes), built from finding
 * exports into the outbox (.html, .txt, .eml). stdout: one `summary ...` line per summary; stderr:
 * one `error ...` line per bad input, one `note ...` line per account without an owner summary.
 */

import { ownerRecipients } from '../adapters/directory/owner-destination.js';
import { createFileStateStore } from '../adapters/state/file-store.js';
import { loadFileSummaryState } from '../adapters/summary/file-summary-state.js';
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
  const state = args.stateDir === undefined ? undefined : await loadFileSummaryState(args.stateDir);
  const renderer = createRenderer(await compileTemplates('templates'));
  const pipeline = createPipeline(config, renderer);
  const { records, fileCount, errors } = await readInputs(args.paths);
  const reads = records.map(({ input, json }) => pipeline.read(json, input));
  errors.push(...reads.flatMap((read) => read.errors).map(invalidLine));
  for (const line of errors) process.stderr.write(`${line}\n`);
  const findings = readsWithAccounts(reads, directory).flatMap((read) => read.findings.map((item) => item.finding));
  const problems = [...directory.problems, ...(errors.length > 0 ? [`${errors.length} input problem(s); the numbers leave them out`] : [])];
  const { audiences, noOwner } = pipeline.summaryAudiences(findings, { directory });
  for (const skip of noOwner) process.stderr.write(`note ${skip.route}: ${skip.reason}; the account is in the route summary only\n`);
  const last = new Map(await Promise.all(audiences.map(async (a) => [a.id, await state?.get(a.id)] as const)));
  // "Mailed since the last summary": the dedup state replay keeps in the same folder.
  const now = args.now ?? new Date();
  const mailed =
    args.stateDir !== undefined && config.policy.dedup.enabled
      ? await createFileStateStore(args.stateDir, { now: () => now }).getMany(findings.map((f) => f.key))
      : undefined;
  const summaries = pipeline.summaries(audiences, {
    now,
    last: (id) => last.get(id),
    complete: errors.length === 0,
    problems,
    ...(args.since ? { since: args.since } : {}),
    ...(mailed ? { notifiedAt: new Map([...mailed].map(([key, s]) => [key, s.notifiedAt])) } : {}),
  });
  const outbox = await createReplayTransport(config);
  for (const { route, audience, email, record } of summaries) {
    const owner = audience.owner?.to;
    const destination = owner ? ownerRecipients(route, owner) : destinationOf(route);
    await (destination ? outbox.transport.send(email, destination) : outbox.transport.send(email));
    await state?.put(audience.id, record);
    const who = owner ? `${route.name} owner ${owner}` : route.name;
    process.stdout.write(
      `summary ${who} -> ${outbox.where(destination)}: ${email.subject} (${record.open} open findings from ${fileCount} inputs)\n`,
    );
  }
  return errors.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    const known = { ConfigError: 'settings', TemplateError: 'templates', StateStoreError: 'state' }[error.name];
    process.stderr.write(known ? `${errorLine(known, error.message)}\n` : `error ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
