/** Runs the replay CLI as a user would (a child process through tsx) and splits its output into lines. */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/fixtures.js';

export interface ReplayRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** `npm run replay -- ...args`, from the repository root. */
export function runReplay(args: readonly string[]): Promise<ReplayRun> {
  return runCli('functions/replay/cli.ts', args);
}

/** A CLI script (e.g. `functions/summary/cli.ts`) with `args`, as `npm run` starts it, from the repository root. */
export function runCli(script: string, args: readonly string[]): Promise<ReplayRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const lines = (text: string) => text.split('\n').filter((line) => line !== '');
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: lines(stdout), stderr: lines(stderr) });
      },
    );
  });
}

/** Writes events as `<dir>/<name>.json`; returns the folder. */
export async function writeEvents(dir: string, events: readonly { name: string; event: unknown }[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const { name, event } of events) await writeFile(join(dir, `${name}.json`), JSON.stringify(event));
  return dir;
}
