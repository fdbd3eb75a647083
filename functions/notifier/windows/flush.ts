/**
 * FLUSH: one group's window, when its flush message arrives. Claim the window (one flusher at a
 * time), read its pending findings through the same reader as the ingest, plan and render them as
 * one window against the state now, and send each email after claiming its findings' material
 * change (`FindingClaims`: two flushes never both mail one change) and a slot of the shared send
 * budget. After each delivery the findings' state is recorded ("done") and their pending items go.
 * Then the window closes for `groupIntervalSeconds`; findings still pending (a lost claim race, no
 * time left, a failed send, or new arrivals) get the next flush.
 */

import { applyDirectory } from '../../adapters/directory/apply-directory.js';
import type { PendingFinding } from '../../adapters/windows/window-table.js';
import type { BatchEmail, InputRead } from '../../core/pipeline/pipeline.js';
import { batchCounts } from '../../core/policy/counts.js';
import { type BatchPlan, statesToWrite } from '../../core/policy/plan-batch.js';
import type { StoredState } from '../../core/policy/state.js';
import { type Delivery, deliverEmails } from '../deliver-emails.js';
import type { NotifierCounts } from '../metrics.js';
import { OVERDUE_MS, type PlanContext, reserveSlot, scheduleWindows } from './context.js';
import type { FlushMessage } from './flush-message.js';
import { delaySeconds } from './flush-message.js';

export type FlushResult =
  | { readonly outcome: 'flushed'; readonly counts: NotifierCounts }
  | { readonly outcome: 'stale' | 'busy' | 'early' };

/**
 * Flushes the message's window. Resolves `busy` when another flusher holds it (report the record
 * as failed: it comes back after the visibility timeout); throws when a table cannot be reached.
 *
 * @example
 * const result = await flush(context, readFlushMessage(json), Date.now() + context.getRemainingTimeInMillis());
 */
export async function flush(context: PlanContext, message: FlushMessage, deadline: number): Promise<FlushResult> {
  const { table, config, pipeline } = context;
  const { group } = message;
  const startMs = context.now().getTime();
  const window = await table.claim(group, message.dueAt, startMs - OVERDUE_MS, startMs, deadline);
  if (window === 'busy' || window === 'stale') return { outcome: window };
  if (window.dueAt !== undefined && window.dueAt > startMs + 1000) {
    // Due later than SQS can delay one message: hop on.
    await context.flushes.schedule({ group, dueAt: window.dueAt }, delaySeconds(window.dueAt, startMs));
    await table.release(group, deadline);
    return { outcome: 'early' };
  }

  const pending = await table.pending(group);
  const byVersion = new Map(pending.map((p) => [versionKey(p.findingKey, p.updatedAt), p]));
  const { reads, destinationFor } = await applyDirectory(
    context.accounts.directory,
    pending.map((p) => readPending(pipeline.read(parse(p.body), p.input), p)),
    context.accounts.log,
  );
  const keys = [...new Set(pending.map((p) => p.findingKey))];
  const prior = await context.store.getMany(keys);
  const now = context.now();
  const output = pipeline.batch(reads, { now, prior });
  for (const skip of output.plan.skipped) context.log.skipped(skip);
  for (const failure of output.renderFailures) context.log.renderFailed(failure);
  const pendingOf = (items: readonly { finding: { key: string; updatedAt?: string } }[]) =>
    items.flatMap((i) => byVersion.get(versionKey(i.finding.key, i.finding.updatedAt ?? '')) ?? []);

  // Skipped (copies, no change since) and unrenderable findings leave the window now.
  const quiet = statesToWrite(output.plan, new Set());
  if (quiet.length > 0) await context.store.putMany(quiet);
  await table.deletePending([...pendingOf(output.plan.skipped), ...pendingOf(output.renderFailures.flatMap((f) => f.findings))]);

  const claimed = await claimEach(context, output.emails, prior, deadline);
  const deliveries = await deliverEmails(claimed, {
    transport: context.transport,
    perSecond: Number.POSITIVE_INFINITY,
    sleep: context.sleep,
    remainingMs: () => deadline - context.now().getTime(),
    destinationFor,
    reserve: (destination) => reserveSlot(context, destination, deadline),
    onDelivery: (delivery) => {
      context.log.delivery(delivery);
      context.onDelivery?.(delivery);
    },
  });
  await recordDeliveries(context, deliveries, output.plan, pendingOf, deadline);

  // Close, then look again: a finding put pending while this flush ran is never stranded.
  await table.close(group, now.getTime() + config.policy.window.groupIntervalSeconds * 1000, deadline);
  const left = await table.pending(group);
  if (left.length > 0) await scheduleWindows(context, new Map([[group, left.map((p) => p.severity)]]));

  const sent = deliveries.filter((d) => !d.error).length;
  return {
    outcome: 'flushed',
    counts: { ...batchCounts(output.plan), sent, failed: deliveries.length - sent + output.renderFailures.length },
  };
}

/** Claims every finding of each email; an email any of whose claims is lost waits for the next flush. */
async function claimEach(
  context: PlanContext,
  emails: readonly BatchEmail[],
  prior: ReadonlyMap<string, StoredState>,
  deadline: number,
): Promise<BatchEmail[]> {
  const claimed: BatchEmail[] = [];
  for (const email of emails) {
    const nowMs = context.now().getTime();
    const keys = email.findings.map((f) => f.finding.key);
    const won = await Promise.all(keys.map((key) => context.claims.claim(key, prior.get(key), nowMs, deadline)));
    if (won.every(Boolean)) claimed.push(email);
    else await Promise.all(keys.filter((_, i) => won[i]).map((key) => context.claims.release(key, deadline)));
  }
  return claimed;
}

/** "Done" for each delivered email (state written, pending items removed); claims of the others given back. */
async function recordDeliveries(
  context: PlanContext,
  deliveries: readonly Delivery[],
  plan: BatchPlan,
  pendingOf: (items: readonly { finding: { key: string; updatedAt?: string } }[]) => PendingFinding[],
  deadline: number,
): Promise<void> {
  const delivered = deliveries.filter((d) => !d.error);
  const planIndexes = new Set(delivered.flatMap((d) => (d.item.planIndex === undefined ? [] : [d.item.planIndex])));
  const states = plan.stateUpdates.filter((u) => u.notification !== undefined && planIndexes.has(u.notification)).map((u) => u.state);
  if (states.length > 0) await context.store.putMany(states);
  await context.table.deletePending(pendingOf(delivered.flatMap((d) => d.item.findings)));
  const failed = deliveries.filter((d) => d.error).flatMap((d) => d.item.findings);
  await Promise.all(failed.map((f) => context.claims.release(f.finding.key, deadline)));
}

/** The one finding a pending item stands for (an event may carry several). */
function readPending(read: InputRead, pending: PendingFinding): InputRead {
  const findings = read.findings.filter((f) => f.finding.key === pending.findingKey && (f.finding.updatedAt ?? '') === pending.updatedAt);
  return { ...read, findings, insights: [] };
}

function versionKey(key: string, updatedAt: string): string {
  return `${key}\u0000${updatedAt}`;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
