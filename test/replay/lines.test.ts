/** The replay CLI's line formats and exit codes for bad inputs and settings. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEvent } from '../support/seed-events.js';
import { runReplay, writeEvents } from './run-replay.js';

describe('replay: lines and exit codes', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'replay-lines-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('prints a filtered skip and an expired silence mails; an active silence skips with its reason; bad JSON exits 1', async () => {
    // Prepare
    const dir = await writeEvents(join(work, 'in'), [
      { name: 'a-low', event: seedEvent({ tag: 'low', severity: 'LOW' }) },
      { name: 'b-silenced', event: seedEvent({ tag: 'quiet', severity: 'HIGH', account: '999988887777' }) },
      { name: 'c-expired', event: seedEvent({ tag: 'loud', severity: 'HIGH', account: '111100002222' }) },
    ]);
    await writeFile(join(dir, 'd-broken.json'), '{"id": ');
    const config = join(work, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        filters: { severities: ['MEDIUM', 'HIGH', 'CRITICAL'] },
        policy: {
          silences: [
            { match: { accounts: ['999988887777'] }, reason: 'sandbox account, JIRA-1', expiresAt: '2026-06-30' },
            { match: { accounts: ['111100002222'] }, reason: 'was accepted until January', expiresAt: '2026-01-31' },
          ],
        },
      }),
    );

    // Act
    const run = await runReplay(['--config', config, '--out', join(work, 'out'), '--now', '2026-03-01T00:00:00Z', dir]);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringMatching(/^error \S+d-broken\.json: not valid JSON/)]);
    expect(run.stdout).toContainEqual(expect.stringMatching(/^email \S+c-expired\.json -> .*\[HIGH\].*\[loud\]/));
    expect(run.stdout).toContainEqual(
      expect.stringMatching(
        /^skipped \S+b-silenced\.json HIGH ".*\[quiet\]" \(.+\): silenced: silenced until 2026-06-30: sandbox account, JIRA-1$/,
      ),
    );
    expect(run.stdout).toContainEqual(expect.stringMatching(/^skipped \S+a-low\.json LOW ".*" \(.+\): filtered: severity LOW is not in/));
    expect(run.stdout).toHaveLength(3);
  });

  it("shows only this run in the outbox: an earlier run's emails go, other files stay", async () => {
    // Prepare: a first run of two findings, and a file of the user's own in the outbox.
    const out = join(work, 'outbox-rerun');
    const two = await writeEvents(join(work, 'two'), [
      { name: 'a', event: seedEvent({ tag: 'first', severity: 'HIGH' }) },
      { name: 'b', event: seedEvent({ tag: 'second', severity: 'LOW', account: '111100003333' }) },
    ]);
    const one = await writeEvents(join(work, 'one'), [{ name: 'c', event: seedEvent({ tag: 'third', severity: 'MEDIUM' }) }]);
    expect((await runReplay(['--out', out, two])).code).toBe(0);
    await writeFile(join(out, 'notes.txt'), 'mine');

    // Act
    const run = await runReplay(['--out', out, one]);

    // Assess
    expect(run.code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files.filter((name) => name !== 'notes.txt')).toHaveLength(4);
    expect(files.every((name) => name === 'notes.txt' || name.startsWith('001-medium-'))).toBe(true);
    expect(files).toContain('notes.txt');
  });

  it('names the flags a transport needs when its settings are missing', async () => {
    const ses = await runReplay(['--transport', 'ses', 'fixtures/seed']);
    const sns = await runReplay(['--transport', 'sns', 'fixtures/seed']);

    expect([ses.code, sns.code]).toEqual([1, 1]);
    expect(ses.stderr).toEqual(['error settings: flags.ses: required when transport is "ses" (give --from and --to, or --config FILE)']);
    expect(sns.stderr).toEqual(['error settings: flags.sns: required when transport is "sns" (give --topic-arn, or --config FILE)']);
    expect([...ses.stdout, ...sns.stdout]).toEqual([]);
  });

  it('refuses a --now that is not a time, naming the flag', async () => {
    const run = await runReplay(['--now', 'yesterday', 'fixtures/seed']);
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringMatching(/^error settings: --now: not an ISO-8601 time/)]);
  });
});
