/** `npm run simulate` as a user runs it: a summary on stdout, and `--json` in exactly the shape. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../replay/run-replay.js';

/** `npm run simulate`, its output as text. */
async function simulateCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await runCli('functions/simulate/cli.ts', args);
  return { code: run.code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') };
}

describe('npm run simulate', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('mails the seed event under the default deployment and writes the result in the issue shape', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'simulate-'));
    dirs.push(dir);
    const json = join(dir, 'result.json');

    const run = await simulateCli(['--seed', '3', '--json', json, 'fixtures/seed']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('event source: batch 10, window 5 s, max concurrency 2');
    expect(run.stdout).toMatch(/1 findings -> 1 emails/);
    const result = JSON.parse(await readFile(json, 'utf8'));
    expect(Object.keys(result).sort()).toEqual(
      [
        'eventSource',
        'findings',
        'invocations',
        'emails',
        'skipped',
        'deadLettered',
        'lost',
        'maxSendsPerSecond',
        'dynamodbRequestsPerFinding',
      ].sort(),
    );
    expect(result.eventSource).toEqual({ batchSize: 10, maxBatchingWindowSeconds: 5, maxConcurrency: 2 });
    expect(result.emails).toHaveLength(1);
    expect(result.emails[0]).toMatchObject({ destination: 'security-team@example.com', sentAtSeconds: 35 });
    expect(result.emails[0].subject).toContain('3.4 Ensure a log metric filter and alarm exist for IAM policy changes');
    expect(result.lost).toEqual([]);
  }, 180_000);

  it('--accounts stands in for Organizations: the email names the account as name (id)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'simulate-'));
    dirs.push(dir);
    const json = join(dir, 'result.json');

    const run = await simulateCli(['--accounts', 'test/fixtures/accounts/accounts.json', '--json', json, 'fixtures/seed']);

    expect(run.code).toBe(0);
    const result = JSON.parse(await readFile(json, 'utf8'));
    expect(result.emails).toHaveLength(1);
    expect(result.emails[0].subject).toContain('| payments-prod (111122223333) ');
  }, 180_000);

  it('refuses a crash rate above 1, naming the flag', async () => {
    const run = await simulateCli(['--crash-rate', '2', 'fixtures/seed']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--crash-rate: expected a number from 0 to 1, got "2"');
  }, 60_000);
});
