/**
 * `npm run replay -- [options] PATH...`: runs JSON files through the same pipeline as the Lambda.
 * stdout: `email ...` and `skipped ...` lines; stderr: one `error ...` line per bad input.
 * Exit 0 when every input was read (skips are fine), 1 otherwise.
 */
import { readFile } from 'node:fs/promises';
import { compileTemplates } from '../build/compile-templates.js';
import type { Outcome } from '../core/pipeline.js';
import { createPipeline } from '../core/pipeline.js';
import { createRenderer } from '../core/render/create-renderer.js';
import { parseReplayArgs, USAGE } from './args.js';
import { collectInputs } from './collect-inputs.js';
import { loadReplayConfig } from './load-config.js';
import { createReplayTransport } from './replay-transport.js';
import { emailLine, errorLine, skippedLine } from './report-lines.js';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseReplayArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = await loadReplayConfig(args);
  const renderer = createRenderer(await compileTemplates('templates'));
  const pipeline = createPipeline(config, renderer);
  if (args.region !== undefined) process.env.AWS_REGION = args.region;
  const transport = createReplayTransport(config);
  const { files, missing } = await collectInputs(args.paths);
  let ok = missing.length === 0;
  for (const path of missing) process.stderr.write(`${errorLine(path, 'no such file or folder')}\n`);

  for (const file of files) {
    const json = await readJson(file);
    if (!json.ok) {
      ok = false;
      process.stderr.write(`${errorLine(file, json.message)}\n`);
      continue;
    }
    for (const outcome of pipeline.plan(json.value, file)) {
      ok = (await report(outcome, transport)) && ok;
    }
  }
  return ok ? 0 : 1;
}

/** Delivers an email outcome and prints its line; returns false for a bad input or a failed delivery. */
async function report(outcome: Outcome, transport: ReturnType<typeof createReplayTransport>): Promise<boolean> {
  switch (outcome.kind) {
    case 'skipped':
      process.stdout.write(`${skippedLine(outcome.input, outcome.finding, outcome.reason)}\n`);
      return true;
    case 'error':
      process.stderr.write(
        `${errorLine(outcome.input, outcome.error.path ? `${outcome.error.path}: ${outcome.error.reason}` : outcome.error.reason)}\n`,
      );
      return false;
    case 'email':
      try {
        const where = await transport.send(outcome.email);
        process.stdout.write(`${emailLine(outcome.input, outcome.email, where)}\n`);
        return true;
      } catch (cause) {
        process.stderr.write(`${errorLine(outcome.input, `delivery failed: ${(cause as Error).message}`)}\n`);
        return false;
      }
  }
}

async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    return { ok: true, value: JSON.parse(await readFile(file, 'utf8')) };
  } catch (cause) {
    const message = cause instanceof SyntaxError ? `not valid JSON: ${cause.message}` : `cannot read: ${(cause as Error).message}`;
    return { ok: false, message };
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    // Settings and templates: one line naming what is wrong. Anything else is a bug: show the stack.
    const known = { ConfigError: 'settings', TemplateError: 'templates' }[error.name];
    process.stderr.write(known ? `${errorLine(known, error.message)}\n` : `error ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
