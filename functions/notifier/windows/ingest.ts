/**
 * INGEST: the buffer's events become pending findings of their groups' windows. Each finding is
 * checked against the stored state first (silences, filters, no material change: skipped with the
 * reason, as in any window); the rest are put pending under their group, and each group gets its
 * flush scheduled. Nothing is mailed here: the flush decides again, against the state then.
 */

import { applyDirectory } from '../../adapters/directory/apply-directory.js';
import type { PendingFinding } from '../../adapters/windows/window-table.js';
import type { Severity } from '../../core/finding/model.js';
import type { InputRead } from '../../core/pipeline/pipeline.js';
import { batchCounts } from '../../core/policy/counts.js';
import { planBatch, statesToWrite } from '../../core/policy/plan-batch.js';
import { windowGroup } from '../../core/policy/window-timing.js';
import type { NotifierCounts } from '../metrics.js';
import { type PlanContext, scheduleWindows } from './context.js';

/** One buffer record, read: its SQS message id, raw body and what the reader found in it. */
export interface IngestRecord {
  readonly read: InputRead;
  readonly body: string;
}

/**
 * Puts the records' findings pending and schedules their windows. Throws when the window table or
 * the flush queue cannot be reached: the records then come back (SQS redelivery) and are put again
 * (the same finding version is the same pending item).
 *
 * @example
 * const counts = await ingest(context, [{ read: pipeline.read(json, messageId), body }]);
 */
export async function ingest(context: PlanContext, records: readonly IngestRecord[]): Promise<NotifierCounts> {
  const { config, store } = context;
  // Account names and tags first: the route (and so the window) may depend on them.
  const { reads } = await applyDirectory(
    context.accounts.directory,
    records.map((r) => r.read),
    context.accounts.log,
  );
  const inputs = reads.flatMap((r) => r.findings);
  const bodies = new Map(records.map((r) => [r.read.input, r.body]));
  const keys = [...new Set(inputs.map((i) => i.finding.key))];
  const prior = keys.length > 0 ? await store.getMany(keys) : new Map();
  const now = context.now();
  const plan = planBatch(inputs, { now, prior, policy: config.policy, filters: config.filters });
  for (const skip of plan.skipped) context.log.skipped(skip);
  // Quiet records (a resolution without a mail) are kept now; mails are the flush's business.
  const quiet = statesToWrite(plan, new Set());
  if (quiet.length > 0) await store.putMany(quiet);

  const pending: PendingFinding[] = [];
  const groups = new Map<string, Severity[]>();
  for (const { finding, route, input } of plan.notifications.flatMap((n) => n.findings)) {
    const group = windowGroup(finding, route, config.policy.digest.groupBy);
    pending.push({
      group,
      findingKey: finding.key,
      updatedAt: finding.updatedAt ?? '',
      severity: finding.severity,
      body: bodies.get(input) ?? '',
      input,
    });
    groups.set(group, [...(groups.get(group) ?? []), finding.severity]);
  }
  await context.table.putPending(pending);
  await scheduleWindows(context, groups);
  const counts = batchCounts(plan);
  // Nothing is mailed or digested yet: the flush counts those.
  return { ...counts, notifications: 0, mailed: 0, digested: 0, sent: 0, failed: 0 };
}
