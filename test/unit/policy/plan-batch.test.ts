import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadFinding } from '../../../functions/core/input/read-input.js';
import { batchCounts } from '../../../functions/core/policy/counts.js';
import { stateAfter } from '../../../functions/core/policy/dedup.js';
import { MAX_DIGEST_FINDINGS } from '../../../functions/core/policy/group.js';
import { type BatchPlan, planBatch, statesToWrite } from '../../../functions/core/policy/plan-batch.js';
import { arbInputs, arbPrior } from './arbitraries.js';
import { aContext, aFinding, anInput, aTrigger, NOW } from './builder.js';

const ttl = { stateTtlDays: 90 };

/** Every input object appears exactly once across notifications and skips. */
function expectEachInputOnce(inputs: readonly ReadFinding[], plan: BatchPlan): void {
  const placed = [...plan.notifications.flatMap((n) => n.findings.map((f) => f.finding)), ...plan.skipped.map((s) => s.finding)];
  expect(placed).toHaveLength(inputs.length);
  expect(new Set(placed)).toEqual(new Set(inputs.map((i) => i.finding)));
}

describe('planBatch', () => {
  it('turns a flood of 500 into a handful of digests that together show all 500, most severe first', () => {
    const severities = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
    const inputs = Array.from({ length: 500 }, (_, i) => anInput(aFinding({ id: `f/${i}`, severity: severities[i % 4] ?? 'LOW' })));
    const plan = planBatch(inputs, aContext());
    // Four groups of 125 (one per severity), each sent as digests of at most MAX_DIGEST_FINDINGS: 50 + 50 + 25.
    expect(plan.notifications.every((n) => n.notification.kind === 'digest')).toBe(true);
    expect(plan.notifications.map((n) => n.findings.length)).toEqual(severities.flatMap(() => [50, 50, 25]));
    expect(plan.notifications.map((n) => n.findings[0]?.finding.severity)).toEqual(severities.flatMap((s) => [s, s, s]));
    expect(Math.max(...plan.notifications.map((n) => n.findings.length))).toBeLessThanOrEqual(MAX_DIGEST_FINDINGS);
    expectEachInputOnce(inputs, plan);
    expect(batchCounts(plan)).toMatchObject({ received: 500, notifications: 12, digested: 500, mailed: 0 });
  });

  it('gives each finding its own email up to the threshold, a digest above it', () => {
    const group = (n: number) => Array.from({ length: n }, (_, i) => anInput(aFinding({ id: `f/${i}` })));
    expect(planBatch(group(5), aContext()).notifications.every((n) => n.notification.kind === 'finding')).toBe(true);
    expect(planBatch(group(6), aContext()).notifications.map((n) => n.notification.kind)).toEqual(['digest']);
    expect(planBatch(group(3), aContext({ policy: { digest: { threshold: 2 } } })).notifications).toHaveLength(1);
  });

  it('gives 50 copies of one event one email and counts 49 duplicates', () => {
    const inputs = Array.from({ length: 50 }, (_, i) => anInput(aFinding(), 'same-event', `message-${i}`));
    const plan = planBatch(inputs, aContext());
    expect(plan.notifications).toHaveLength(1);
    expect(plan.skipped.every((s) => s.kind === 'copy')).toBe(true);
    expect(batchCounts(plan)).toMatchObject({ received: 50, mailed: 1, deduplicated: 49 });
  });

  it('sends nothing for an update without material change and mails a severity rise', () => {
    const prior = new Map([[aFinding().key, stateAfter(aFinding(), undefined, new Date('2025-06-01T10:00:00Z'), ttl, true)]]);
    const unchanged = planBatch([anInput(aFinding({ updatedAt: '2025-06-01T11:00:00Z' }))], aContext({}, prior));
    expect(unchanged.notifications).toHaveLength(0);
    expect(unchanged.skipped[0]).toMatchObject({ kind: 'unchanged' });
    expect(unchanged.stateUpdates).toHaveLength(0);
    const risen = planBatch([anInput(aFinding({ severity: 'CRITICAL' }))], aContext({}, prior));
    expect(risen.notifications[0]?.findings[0]?.reason).toBe('changed: severity HIGH -> CRITICAL');
    expect(risen.stateUpdates).toEqual([
      { state: expect.objectContaining({ state: expect.objectContaining({ severity: 'CRITICAL' }) }), notification: 0 },
    ]);
  });

  it('silences until expiry, then mails, and never records a silenced finding', () => {
    const policy = { silences: [{ match: { controls: ['S3.1'] }, reason: 'accepted risk', expiresAt: '2025-06-01T13:00:00Z' }] };
    const silenced = planBatch([anInput(aFinding())], aContext({ policy }));
    expect(silenced.skipped).toMatchObject([{ kind: 'silenced', reason: 'silenced until 2025-06-01T13:00:00Z: accepted risk' }]);
    expect(silenced.stateUpdates).toEqual([]);
    const expired = planBatch([anInput(aFinding())], aContext({ policy }, new Map(), new Date('2025-06-01T13:00:00Z')));
    expect(expired.notifications).toHaveLength(1);
  });

  it('records a filtered resolution without a mail, so the reopening is mailed later', () => {
    const prior = new Map([[aFinding().key, stateAfter(aFinding(), undefined, new Date('2025-06-01T10:00:00Z'), ttl, true)]]);
    const resolved = planBatch([anInput(aFinding({ complianceStatus: 'PASSED' }))], aContext({}, prior));
    expect(resolved.skipped).toMatchObject([{ kind: 'filtered' }]);
    const written = statesToWrite(resolved, new Set());
    expect(written.map((s) => s.state.complianceStatus)).toEqual(['PASSED']);
    const reopened = planBatch([anInput(aFinding())], aContext({}, new Map(written.map((s) => [s.key, s]))));
    expect(reopened.notifications[0]?.findings[0]?.reason).toMatch(/^reopened: compliance PASSED -> FAILED/);
  });

  it('mails a resolution past the filters when notifyOnResolution is on', () => {
    const prior = new Map([[aFinding().key, stateAfter(aFinding(), undefined, NOW, ttl, true)]]);
    const plan = planBatch(
      [anInput(aFinding({ workflowStatus: 'RESOLVED' }))],
      aContext({ policy: { dedup: { notifyOnResolution: true } } }, prior),
    );
    expect(plan.notifications[0]?.findings[0]?.reason).toBe('resolved: workflow NEW -> RESOLVED');
  });

  it('keeps routes apart: a group never mixes recipients', () => {
    const policy = { routes: [{ name: 'alice', match: { resourceTags: { owner: 'alice' } }, ses: { to: ['alice@example.com'] } }] };
    const owned = (i: number, owner: string) =>
      anInput(aFinding({ id: `f/${owner}/${i}`, resources: [{ type: 'AwsS3Bucket', id: 'b', tags: { owner }, details: [] }] }));
    const inputs = Array.from({ length: 30 }, (_, i) => [owned(i, 'alice'), owned(i, 'bob')]).flat();
    const plan = planBatch(inputs, aContext({ policy }));
    expect(plan.notifications.map((n) => n.route.name).sort()).toEqual(['alice', 'default']);
    for (const n of plan.notifications) expect(new Set(n.findings.map((f) => f.route))).toEqual(new Set([n.route]));
  });

  it('mails a Custom Action selection as one digest, past filters, silences and dedup', () => {
    const trigger = aTrigger('action-1', 'Send to team');
    const inputs = [aFinding({ id: 'a', severity: 'LOW' }), aFinding({ id: 'b', complianceStatus: 'PASSED' })].map((finding) => ({
      finding,
      trigger,
      input: 'm',
    }));
    const policy = { silences: [{ match: {}, reason: 'everything', expiresAt: '2030-01-01' }] };
    const plan = planBatch(inputs, aContext({ policy, filters: { severities: ['CRITICAL'] } }));
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]?.notification).toMatchObject({ kind: 'digest', trigger: { action: { name: 'Send to team' } } });
  });

  it("skips another tool's Custom Action as filtered when the notifier answers only to its own actions", () => {
    const ours = 'arn:aws:securityhub:us-east-1:111122223333:action/custom/SendByEmail';
    const theirs = 'arn:aws:securityhub:us-east-1:111122223333:action/custom/Remediate';
    const input = (arn: string, id: string) => ({
      finding: aFinding({ id }),
      trigger: { ...aTrigger(`event-${id}`), action: { name: id, arn } },
      input: id,
    });
    const plan = planBatch([input(ours, 'ours'), input(theirs, 'theirs')], aContext({ filters: { customActionArns: [ours] } }));

    expect(plan.notifications.flatMap((n) => n.findings.map((f) => f.input))).toEqual(['ours']);
    expect(plan.skipped).toEqual([
      expect.objectContaining({ input: 'theirs', kind: 'filtered', reason: `custom action ${theirs} is not in [${ours}]` }),
    ]);
  });

  it('with dedup off mails every copy-collapsed finding and writes no state', () => {
    const prior = new Map([[aFinding().key, stateAfter(aFinding(), undefined, NOW, ttl, true)]]);
    const plan = planBatch([anInput(aFinding())], aContext({ policy: { dedup: { enabled: false } } }, prior));
    expect(plan.notifications).toHaveLength(1);
    expect(plan.stateUpdates).toEqual([]);
  });

  it('places every finding of a window in exactly one email or one counted skip (property)', () => {
    fc.assert(
      fc.property(
        arbInputs.chain((inputs) => fc.tuple(fc.constant(inputs), arbPrior(inputs), fc.integer({ min: 1, max: 5 }), fc.boolean())),
        ([inputs, prior, threshold, notifyOnResolution]) => {
          const policy = {
            digest: { threshold, groupBy: ['accountId', 'severity'] },
            dedup: { notifyOnResolution },
            routes: [{ name: 'bob', match: { resourceTags: { owner: 'bob' } }, ses: { to: ['bob@example.com'] } }],
            silences: [{ match: { controls: ['EC2.2'], regions: ['ap-northeast-1'] }, reason: 'noisy', expiresAt: '2030-01-01' }],
          };
          const plan = planBatch(inputs, aContext({ policy }, prior));
          expectEachInputOnce(inputs, plan);
          const counts = batchCounts(plan);
          expect(counts.received).toBe(inputs.length);
          // A digest is only ever above the threshold (or a hand-picked selection); singles never share an email.
          for (const n of plan.notifications) {
            if (n.notification.kind === 'finding') expect(n.findings).toHaveLength(1);
            else expect(n.findings.length > threshold || n.findings.every((f) => f.trigger.action)).toBe(true);
          }
          // At most one email per finding key; state updates point at real notifications.
          const keys = plan.notifications.flatMap((n) => n.findings.map((f) => f.finding.key));
          expect(new Set(keys).size).toBe(keys.length);
          for (const u of plan.stateUpdates) if (u.notification !== undefined) expect(plan.notifications[u.notification]).toBeDefined();
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('is stable: planning the same window twice gives the same plan (property)', () => {
    fc.assert(
      fc.property(arbInputs, (inputs) => {
        expect(planBatch(inputs, aContext())).toEqual(planBatch(inputs, aContext()));
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('owner routes', () => {
  it('never put two accounts into one digest of a route that sends to account owners', () => {
    const inputs = Array.from({ length: 6 }, (_, i) =>
      anInput(aFinding({ id: `o/${i}`, accountId: i % 2 === 0 ? '111122223333' : '444455556666' })),
    );
    const owners = aContext({
      policy: { digest: { groupBy: ['severity'], threshold: 1 }, routes: [{ name: 'owners', match: {}, owner: {} }] },
    });
    const plain = aContext({ policy: { digest: { groupBy: ['severity'], threshold: 1 }, routes: [{ name: 'team', match: {} }] } });
    const accountsPerEmail = (plan: BatchPlan) => plan.notifications.map((n) => new Set(n.findings.map((f) => f.finding.accountId)).size);
    expect(accountsPerEmail(planBatch(inputs, owners))).toEqual([1, 1]);
    expect(accountsPerEmail(planBatch(inputs, plain))).toEqual([2]);
  });
});
