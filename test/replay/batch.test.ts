/**
 * The replay CLI runs all inputs of one run as one batch, and keeps the dedup state
 * between runs with --state: the "done means" scenarios, through the real command line.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floodEvents, seedEvent } from '../support/seed-events.js';
import { runReplay, writeEvents } from './run-replay.js';

const EMAIL_LINE = /^email (\S+) -> (\S+): (.+)$/;
const SKIPPED_LINE =
  /^skipped (\S+) (CRITICAL|HIGH|MEDIUM|LOW|INFORMATIONAL) "(.*)" \((.+)\): (copy|unchanged|silenced|filtered|resolved): (.+)$/;

describe('replay: one run is one batch', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'replay-window-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('turns a flood of 500 findings into a handful of digests that together show all 500', async () => {
    // Prepare
    const flood = floodEvents(500);
    const dir = await writeEvents(
      join(work, 'flood'),
      flood.map(({ tag, event }) => ({ name: tag, event })),
    );
    const out = join(work, 'flood-out');

    // Act
    const run = await runReplay(['--out', out, dir]);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([]);
    const emails = run.stdout.filter((line) => line.startsWith('email '));
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.length).toBeLessThanOrEqual(10);
    for (const line of emails) expect(line).toMatch(/^email \S+ -> \S+: .+ \(digest of \d+ findings from \d+ inputs\)$/);
    const carried = emails.map((line) => Number(/digest of (\d+) findings/.exec(line)?.[1]));
    expect(carried.reduce((a, b) => a + b, 0)).toBe(500);
    // Every input is named on some line: the email line names the first of a digest, a `digested` line each other.
    const others = run.stdout.filter((line) => !line.startsWith('email '));
    for (const line of others) expect(line).toMatch(/^digested \S+\.json -> \S+$/);
    const named = new Set(run.stdout.map((line) => /^(?:email|digested) (\S+)/.exec(line)?.[1]));
    for (const { tag } of flood) expect([...named].some((input) => input?.endsWith(`/${tag}.json`))).toBe(true);
    expect(named.size).toBe(500);
    const texts = await Promise.all((await readdir(out)).filter((f) => f.endsWith('.txt')).map((f) => readFile(join(out, f), 'utf8')));
    const htmls = await Promise.all((await readdir(out)).filter((f) => f.endsWith('.html')).map((f) => readFile(join(out, f), 'utf8')));
    expect(texts).toHaveLength(emails.length);
    for (const { tag } of flood) {
      expect(texts.filter((t) => t.includes(`[${tag}]`))).toHaveLength(1);
      expect(htmls.filter((h) => h.includes(`[${tag}]`))).toHaveLength(1);
    }
    // Counts per severity come first in every digest, before any finding.
    for (const text of texts) {
      const counts = text.indexOf('== By severity ==');
      expect(counts).toBeGreaterThanOrEqual(0);
      expect(counts).toBeLessThan(text.indexOf('[f'));
      expect(text.indexOf('==')).toBeLessThan(text.indexOf(`[f`));
    }
  }, 120_000);

  it('gives one email for 50 copies of one finding, and a copy skip line for each other copy', async () => {
    // Prepare
    const event = seedEvent({ tag: 'copy', severity: 'HIGH' });
    const dir = await writeEvents(
      join(work, 'copies'),
      Array.from({ length: 50 }, (_, i) => ({ name: `copy-${String(i).padStart(2, '0')}`, event })),
    );

    // Act
    const run = await runReplay(['--out', join(work, 'copies-out'), dir]);

    // Assess
    expect(run.code).toBe(0);
    const emails = run.stdout.filter((l) => l.startsWith('email '));
    const skipped = run.stdout.filter((l) => l.startsWith('skipped '));
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatch(EMAIL_LINE);
    expect(emails[0]).toContain('[HIGH]');
    expect(skipped).toHaveLength(49);
    for (const line of skipped) expect(SKIPPED_LINE.exec(line)?.[5]).toBe('copy');
  });

  it('with --state: the same unchanged finding later gives none, and once its severity rises, one', async () => {
    // Prepare
    const state = join(work, 'state');
    const out = join(work, 'state-out');
    const first = await writeEvents(join(work, 'run1'), [{ name: 'finding', event: seedEvent({ tag: 's', severity: 'MEDIUM' }) }]);
    const later = await writeEvents(join(work, 'run2'), [
      { name: 'finding', event: seedEvent({ tag: 's', severity: 'MEDIUM', updatedAt: '2020-07-26T00:00:00.000Z', eventId: 'event-2' }) },
    ]);
    const risen = await writeEvents(join(work, 'run3'), [
      { name: 'finding', event: seedEvent({ tag: 's', severity: 'CRITICAL', updatedAt: '2020-07-27T00:00:00.000Z', eventId: 'event-3' }) },
    ]);

    // Act
    const run1 = await runReplay(['--out', `${out}-1`, '--state', state, '--now', '2026-01-01T00:00:00Z', first]);
    const run2 = await runReplay(['--out', out, '--state', state, '--now', '2026-01-01T01:00:00Z', later]);
    const run3 = await runReplay(['--out', `${out}-3`, '--state', state, '--now', '2026-01-01T02:00:00Z', risen]);
    const withoutState = await runReplay(['--out', out, '--now', '2026-01-01T01:00:00Z', later]);

    // Assess
    expect(run1.stdout.filter((l) => l.startsWith('email '))).toHaveLength(1);
    expect(run2.stdout).toHaveLength(1);
    expect(SKIPPED_LINE.exec(run2.stdout[0] ?? '')?.[5]).toBe('unchanged');
    expect(run2.stdout[0]).toContain('no material change since 2026-01-01T00:00:00.000Z');
    expect(run3.stdout.filter((l) => l.startsWith('email '))).toEqual([expect.stringContaining('[CRITICAL]')]);
    expect(withoutState.stdout.filter((l) => l.startsWith('email '))).toHaveLength(1);
    for (const run of [run1, run2, run3, withoutState]) expect(run.code).toBe(0);
    // The severity rise is a later mail in the same thread: it replies to the first mail's Message-ID.
    const eml = async (dir: string) => {
      const [name] = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
      // Unfold long header lines (RFC 5322 folding).
      return (await readFile(join(dir, name ?? ''), 'utf8')).replace(/\r?\n[ \t]+/g, ' ');
    };
    const firstEml = await eml(`${out}-1`);
    const riseEml = await eml(`${out}-3`);
    const root = /^Message-ID: +(<[0-9a-f]{64}@securityhub-email-notifier>)/im.exec(firstEml)?.[1];
    expect(root).toMatch(/^<[0-9a-f]{64}@securityhub-email-notifier>$/);
    expect(riseEml).toMatch(new RegExp(`^In-Reply-To: +${root}`, 'im'));
    expect(riseEml).toMatch(new RegExp(`^References: +${root}`, 'im'));
  });
});
