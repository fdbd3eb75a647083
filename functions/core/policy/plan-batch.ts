/**
 * The plan for one batch of findings planned together (a delivery window's pending findings at
 * its flush, an SQS batch without windows, one replay run), as one pure
 * function: copies collapsed, silences, dedup against the prior state, filters, routing, grouping.
 * Every finding of the batch ends in exactly one planned notification or one counted skip.
 */
import type { Filters } from '../config.js';
import type { Trigger } from '../finding/model.js';
import type { ReadFinding } from '../input/read-input.js';
import { collapseCopies, decide, stateAfter } from './dedup.js';
import { filterFinding } from './filter.js';
import { type ChosenFinding, groupFindings, type PlannedNotification } from './group.js';
import type { PolicyConfig } from './policy-config.js';
import { routeFinding } from './route.js';
import { activeSilence } from './silence.js';
import type { StoredState } from './state.js';

/**
 * Why a finding gets no email: `copy` (the same finding again in this batch), `redelivered` (its
 * event was already processed), `unchanged` (no material change since its last email), `silenced`,
 * `filtered`, `resolved` (a resolution nobody was told about). The first three count as `deduplicated`.
 */
export type SkipKind = 'copy' | 'redelivered' | 'unchanged' | 'silenced' | 'filtered' | 'resolved';

export interface Skipped extends ReadFinding {
  readonly kind: SkipKind;
  readonly reason: string;
}

export interface PlannedStateUpdate {
  readonly state: StoredState;
  /** Index into `notifications`: write only once that email is delivered. Absent: write anyway. */
  readonly notification?: number;
}

export interface BatchPlan {
  readonly notifications: readonly PlannedNotification[];
  readonly skipped: readonly Skipped[];
  readonly stateUpdates: readonly PlannedStateUpdate[];
}

export interface PlanContext {
  readonly now: Date;
  /** `StateStore.getMany` of the batch's keys; empty when the store is off or unreachable. */
  readonly prior: ReadonlyMap<string, StoredState>;
  readonly policy: PolicyConfig;
  readonly filters: Filters;
}

/**
 * Plans every email of one batch.
 *
 * @example
 * const prior = await store.getMany(inputs.map((i) => i.finding.key));
 * const plan = planBatch(inputs, { now: new Date(), prior, policy: config.policy, filters: config.filters });
 * // send plan.notifications (paced), log plan.skipped, then store.putMany(statesToWrite(plan, delivered))
 */
export function planBatch(inputs: readonly ReadFinding[], context: PlanContext): BatchPlan {
  const { now, prior, policy, filters } = context;
  const { kept, copies } = collapseCopies(inputs);
  const skipped: Skipped[] = copies.map(({ item, keptItem }) => ({
    ...item,
    kind: 'copy',
    reason: `a copy of the finding in ${keptItem.input} (event ${keptItem.trigger.eventId}) is newer or the same`,
  }));
  const chosen: { item: ChosenFinding; update?: StoredState }[] = [];
  const quiet: StoredState[] = [];
  for (const input of kept) {
    const { finding, trigger } = input;
    const route = routeFinding(finding, policy.routes);
    const previous = prior.get(finding.key);
    const thread = previous ? { previous } : {};
    if (trigger.action) {
      const foreign = foreignAction(trigger.action, filters.customActionArns);
      if (foreign) {
        skipped.push({ ...input, kind: 'filtered', reason: foreign });
        continue;
      }
      // A person selected it by hand with one of our actions: no filter, silence or dedup applies.
      chosen.push({
        item: { ...input, ...thread, route, reason: `custom action ${trigger.action.name}` },
        update: stateAfter(finding, previous, now, policy.dedup, true),
      });
      continue;
    }
    const silence = activeSilence(finding, policy.silences, now);
    if (silence) {
      skipped.push({ ...input, kind: 'silenced', reason: `silenced until ${silence.expiresAt}: ${silence.reason}` });
      continue;
    }
    const filtered = filterFinding(finding, filters);
    if (!policy.dedup.enabled) {
      if (filtered.notify) chosen.push({ item: { ...input, ...thread, route, reason: 'dedup is off' } });
      else skipped.push({ ...input, kind: 'filtered', reason: filtered.reason });
      continue;
    }
    const decision = decide(finding, previous, now, policy.dedup);
    // A resolution mail is what the person asked for, even though the filters would drop a resolved finding.
    if (decision.send && (filtered.notify || decision.reason === 'resolved')) {
      chosen.push({ item: { ...input, ...thread, route, reason: `${decision.reason}: ${decision.detail}` }, update: decision.update });
      continue;
    }
    const update = decision.send ? (previous ? stateAfter(finding, previous, now, policy.dedup, false) : undefined) : decision.update;
    if (update) quiet.push(update);
    if (!filtered.notify) skipped.push({ ...input, kind: 'filtered', reason: filtered.reason });
    else if (!decision.send)
      skipped.push({ ...input, kind: decision.reason === 'unchanged' ? 'unchanged' : 'resolved', reason: decision.detail });
  }
  const notifications = groupFindings(
    chosen.map((c) => c.item),
    policy.digest,
  );
  const updateOf = new Map(chosen.map((c) => [c.item, c.update]));
  const stateUpdates: PlannedStateUpdate[] = quiet.map((state) => ({ state }));
  notifications.forEach((planned, index) => {
    for (const item of planned.findings) {
      const state = updateOf.get(item);
      if (state) stateUpdates.push({ state, notification: index });
    }
  });
  return { notifications, skipped, stateUpdates };
}

/** Why a Custom Action event is not ours (another tool's action), or undefined when it is. */
function foreignAction(action: NonNullable<Trigger['action']>, allowed: readonly string[] | undefined): string | undefined {
  if (!allowed || (action.arn !== undefined && allowed.includes(action.arn))) return undefined;
  return `custom action ${action.arn ?? JSON.stringify(action.name)} is not in [${allowed.join(', ')}]`;
}

/**
 * The state records to write after sending: every quiet update, plus those of delivered emails.
 *
 * @example
 * await store.putMany(statesToWrite(plan, new Set([0, 2])));
 */
export function statesToWrite(plan: BatchPlan, delivered: ReadonlySet<number>): StoredState[] {
  return plan.stateUpdates.filter((u) => u.notification === undefined || delivered.has(u.notification)).map((u) => u.state);
}
