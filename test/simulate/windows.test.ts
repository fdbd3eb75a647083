/**
 * The "Done means" scenarios, run as deployed: the real handler through the simulated
 * buffer and flush queues (batches of at most 10, two invocations at once, redelivery, crashes), with
 * DynamoDB on dynalite and the emails read back from the SES v2 / SNS stand-in.
 */
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../functions/simulate/simulation.js';
import { findingIdOf } from '../support/seed-events.js';
import { ACCOUNTS, copies, flood, lone, run, SEVERITIES } from './scenario.js';

const MINUTES = 60_000;

/** The `[fNNNN]` tags in a text body: the findings a reader sees in the email. */
function tagsIn(text: string): string[] {
  return [...new Set(text.match(/\[f\d{4}\]/g) ?? [])].map((t) => t.slice(1, -1));
}

/** How many delivered emails show each tag. */
function shown(result: SimulationResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const email of result.delivered) for (const tag of tagsIn(email.text)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return counts;
}

describe('delivery windows as deployed (simulated plumbing, real handler, stand-ins)', () => {
  it(
    'turns a flood of 500 findings (2 accounts x 3 severities) over 120 s into at most 20 emails, each finding in exactly one',
    async () => {
      const { inputs, tags } = flood(500, 120);
      const result = await run('ses', inputs);

      expect(result.findings).toBe(500);
      expect(result.lost).toEqual([]);
      // No crash was asked for, and an invocation that returned in time is not counted as one.
      expect(result.crashed).toBe(0);
      expect(result.delivered).toHaveLength(result.emails.length);
      expect(result.delivered.length).toBeGreaterThanOrEqual(SEVERITIES.length * ACCOUNTS.length);
      expect(result.delivered.length).toBeLessThanOrEqual(20);
      const counts = shown(result);
      expect([...counts.keys()].sort()).toEqual(tags);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      // Each email is about one group: its subject names the one severity and account its findings share.
      for (const email of result.delivered) {
        const [, severity, account] = /^\[(\w+)\] .*\| (\d{12}) /.exec(email.subject) ?? [];
        for (const tag of tagsIn(email.text)) {
          const i = Number(tag.slice(1));
          expect(severity, `${tag} in "${email.subject}"`).toBe(SEVERITIES[i % 3]);
          expect(account, `${tag} in "${email.subject}"`).toBe(ACCOUNTS[Math.floor(i / 3) % 2]);
        }
      }
      expect(result.maxSendsPerSecond, 'the SES sandbox rate, for every invocation together').toBeLessThanOrEqual(1);
    },
    4 * MINUTES,
  );

  it(
    'mails 50 copies of one finding (one UpdatedAt, 50 event ids) over 10 s exactly once',
    async () => {
      const result = await run('ses', copies(50, 10));

      expect(result.findings).toBe(1);
      expect(result.delivered).toHaveLength(1);
      expect(result.delivered[0]?.text).toContain('[copy]');
      expect(result.emails[0]?.findingIds).toHaveLength(1);
      expect(result.lost).toEqual([]);
    },
    2 * MINUTES,
  );

  it(
    'mails one CRITICAL finding alone within 60 simulated seconds, as a finding email',
    async () => {
      const result = await run('ses', lone('CRITICAL'));

      expect(result.delivered).toHaveLength(1);
      expect(result.delivered[0]?.subject).toMatch(/^\[CRITICAL\] .*\[lone\]/);
      expect(result.emails[0]?.sentAtSeconds).toBeLessThanOrEqual(60);
    },
    2 * MINUTES,
  );

  it(
    'loses nothing when 20% of invocations crash at random points, and shows at most 50 findings twice',
    async () => {
      const { inputs, tags } = flood(500, 120);
      const result = await run('ses', inputs, 3, 0.2);

      expect(result.crashed).toBeGreaterThan(0);
      expect(result.lost).toEqual([]);
      const counts = shown(result);
      // A finding not in any email must be dead-lettered (a skip would be wrong: all 500 are new).
      const dead = new Set(result.deadLettered.map((d) => d.findingId));
      inputs.forEach(({ body }, i) => {
        const tag = tags[i] ?? '';
        const id = findingIdOf(JSON.parse(body));
        expect((counts.get(tag) ?? 0) > 0 || dead.has(id), tag).toBe(true);
      });
      expect([...counts.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(50);
    },
    4 * MINUTES,
  );

  it(
    'sends at most 10 emails in any second to one SNS topic, whatever runs at once',
    async () => {
      const { inputs, tags } = flood(500, 120);
      const result = await run('sns', inputs);

      expect(result.lost).toEqual([]);
      expect(result.maxSendsPerSecond).toBeGreaterThan(0);
      expect(result.maxSendsPerSecond).toBeLessThanOrEqual(10);
      const counts = shown(result);
      expect([...counts.keys()].sort()).toEqual(tags);
    },
    4 * MINUTES,
  );
});
