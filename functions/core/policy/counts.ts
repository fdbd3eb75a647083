/** Per-batch counts for logs and metrics (EMF): what the plan did with every finding it received. */
import type { BatchPlan } from './plan-batch.js';

export interface BatchCounts {
  /** Findings in the batch (every copy counted). */
  readonly received: number;
  /** Emails planned. */
  readonly notifications: number;
  /** Findings that get an email of their own. */
  readonly mailed: number;
  /** Findings shown in a digest. */
  readonly digested: number;
  /** Copies inside the batch plus findings with no material change. */
  readonly deduplicated: number;
  readonly silenced: number;
  readonly filtered: number;
  /** Resolved or closed findings recorded without an email. */
  readonly resolved: number;
}

/**
 * Counts a batch plan; `received` always equals the sum of the other finding counts.
 *
 * @example
 * batchCounts(plan) // { received: 500, notifications: 4, mailed: 3, digested: 497, deduplicated: 0, ... }
 */
export function batchCounts(plan: BatchPlan): BatchCounts {
  const skippedOf = (...kinds: string[]) => plan.skipped.filter((s) => kinds.includes(s.kind)).length;
  const inEmails = (kind: 'finding' | 'digest') =>
    plan.notifications.filter((n) => n.notification.kind === kind).reduce((sum, n) => sum + n.findings.length, 0);
  const mailed = inEmails('finding');
  const digested = inEmails('digest');
  return {
    received: mailed + digested + plan.skipped.length,
    notifications: plan.notifications.length,
    mailed,
    digested,
    deduplicated: skippedOf('copy', 'redelivered', 'unchanged'),
    silenced: skippedOf('silenced'),
    filtered: skippedOf('filtered'),
    resolved: skippedOf('resolved'),
  };
}
