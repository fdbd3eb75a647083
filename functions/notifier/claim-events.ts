/**
 * Idempotency on the event id (Lambda): EventBridge, SQS and Lambda all deliver at least once, so
 * each event id is claimed in the state store before its findings are planned; a claimed id is a
 * redelivery and its findings are skipped. A claim is "in progress" until the invocation's deadline
 * (a crash never loses the event: the redelivery after the visibility timeout finds it lapsed),
 * "done" once its emails went out; claims of events whose emails failed are released.
 * Anchor: Powertools idempotency (`BasePersistenceLayer.saveInProgress`, then `saveSuccess`).
 */
import type { InputRead } from '../core/pipeline/pipeline.js';
import type { Skipped } from '../core/policy/plan-batch.js';
import type { StateStore } from '../core/policy/state.js';

export interface Claimed {
  /** The reads without the findings and insights of events already processed. */
  readonly reads: InputRead[];
  /** One skip per finding of an event already processed. */
  readonly redelivered: Skipped[];
  /** Event ids claimed now (release them if their emails fail). */
  readonly claimed: ReadonlySet<string>;
}

/**
 * Claims every event id in the reads, a few at a time, in progress until `inProgressUntil` (if given).
 *
 * @example
 * const { reads: fresh, redelivered } = await claimEvents(store, reads, new Date(Date.now() + context.getRemainingTimeInMillis()));
 */
export async function claimEvents(store: StateStore, reads: readonly InputRead[], inProgressUntil?: Date): Promise<Claimed> {
  const ids = [
    ...new Set(reads.flatMap((r) => [...r.findings.map((f) => f.trigger.eventId), ...r.insights.map((i) => i.trigger.eventId)])),
  ];
  const seen = new Set<string>();
  const claimed = new Set<string>();
  for (let start = 0; start < ids.length; start += 25) {
    const chunk = ids.slice(start, start + 25);
    const answers = await Promise.all(chunk.map((id) => store.claimEvent(id, inProgressUntil)));
    for (const [i, id] of chunk.entries()) (answers[i] ? seen : claimed).add(id);
  }
  const redelivered: Skipped[] = reads.flatMap((r) =>
    r.findings
      .filter((f) => seen.has(f.trigger.eventId))
      .map((f): Skipped => ({ ...f, kind: 'redelivered', reason: `event ${f.trigger.eventId} was already processed (a redelivery)` })),
  );
  const fresh = reads.map((r) => ({
    ...r,
    findings: r.findings.filter((f) => !seen.has(f.trigger.eventId)),
    insights: r.insights.filter((i) => !seen.has(i.trigger.eventId)),
  }));
  return { reads: fresh, redelivered, claimed };
}
