/**
 * Material-change dedup: whether a finding is worth an email given what was last recorded about it.
 * A finding is mailed when it is new, when its material state changes, when it reopens, again
 * after the repeat interval while it stays open, and (optionally) when it is resolved.
 */
import type { Finding } from '../finding/model.js';
import { describeChange, isOpen, materialStateOf } from './material-state.js';
import type { StoredState } from './state.js';

export interface DedupOptions {
  /** Hours after which an unchanged open finding is mailed again; 0 never repeats. */
  readonly repeatAfterHours: number;
  readonly notifyOnResolution: boolean;
  /** How long a finding state is kept (sets `expiresAt`). */
  readonly stateTtlDays: number;
}

export type SendReason = 'new' | 'changed' | 'reopened' | 'repeat' | 'resolved';
export type QuietReason = 'unchanged' | 'resolved' | 'closed';

export type DedupDecision =
  | { readonly send: true; readonly reason: SendReason; readonly detail: string; readonly update: StoredState }
  | { readonly send: false; readonly reason: QuietReason; readonly detail: string; readonly update?: StoredState };

const HOUR_MS = 3_600_000;

/**
 * Decides one finding against its stored state. Pure: `now` is passed in.
 *
 * @example
 * decide(finding, prior.get(finding.key), now, config.policy.dedup)
 * // { send: true, reason: 'changed', detail: 'severity MEDIUM -> HIGH', update: {...} }
 */
export function decide(finding: Finding, previous: StoredState | undefined, now: Date, options: DedupOptions): DedupDecision {
  const state = materialStateOf(finding);
  const sent = (reason: SendReason, detail: string) => ({
    send: true as const,
    reason,
    detail,
    update: stateAfter(finding, previous, now, options, true),
  });
  if (!previous) {
    return isOpen(state) ? sent('new', 'first time seen') : { send: false, reason: 'closed', detail: 'not open and never notified' };
  }
  const changes = describeChange(previous.state, state).join(', ');
  const quietly = () => stateAfter(finding, previous, now, options, false);
  if (isOpen(previous.state) && !isOpen(state)) {
    return options.notifyOnResolution
      ? sent('resolved', changes)
      : { send: false, reason: 'resolved', detail: `${changes} (resolution mails are off)`, update: quietly() };
  }
  if (!isOpen(previous.state) && isOpen(state)) return sent('reopened', changes);
  if (!isOpen(state)) {
    return { send: false, reason: 'closed', detail: 'still closed', ...(changes ? { update: quietly() } : {}) };
  }
  if (changes) return sent('changed', changes);
  const dueAt = Date.parse(previous.notifiedAt) + options.repeatAfterHours * HOUR_MS;
  if (options.repeatAfterHours > 0 && now.getTime() >= dueAt) return sent('repeat', `still open since ${previous.firstNotifiedAt}`);
  return { send: false, reason: 'unchanged', detail: `no material change since ${previous.notifiedAt}` };
}

/**
 * The state to store for a finding: `notified` moves `notifiedAt` to `now`, otherwise the
 * previous mail times are kept (e.g. a quiet resolution, or a change the filters hide).
 *
 * @example
 * stateAfter(finding, undefined, now, { stateTtlDays: 90 }, true).expiresAt // now + 90 days, epoch seconds
 */
export function stateAfter(
  finding: Finding,
  previous: StoredState | undefined,
  now: Date,
  options: Pick<DedupOptions, 'stateTtlDays'>,
  notified: boolean,
): StoredState {
  const at = now.toISOString();
  return {
    key: finding.key,
    state: materialStateOf(finding),
    notifiedAt: notified || !previous ? at : previous.notifiedAt,
    firstNotifiedAt: previous?.firstNotifiedAt ?? at,
    ...(finding.updatedAt === undefined ? {} : { findingUpdatedAt: finding.updatedAt }),
    expiresAt: Math.floor(now.getTime() / 1000) + Math.round(options.stateTtlDays * 86_400),
  };
}

/**
 * Collapses copies of one finding inside a window (the same event delivered twice, or several
 * updates in one batch): the copy with the newest `updatedAt` is kept, the later one on a tie.
 *
 * @example
 * const { kept, copies } = collapseCopies(inputs); // copies: every other item, each with the kept one
 */
export function collapseCopies<T extends { readonly finding: Finding }>(
  items: readonly T[],
): { kept: T[]; copies: { item: T; keptItem: T }[] } {
  const newest = new Map<string, T>();
  for (const item of items) {
    const current = newest.get(item.finding.key);
    if (!current || !isOlder(item.finding, current.finding)) newest.set(item.finding.key, item);
  }
  const kept: T[] = [];
  const copies: { item: T; keptItem: T }[] = [];
  for (const item of items) {
    const keptItem = newest.get(item.finding.key);
    if (keptItem === item) kept.push(item);
    else if (keptItem) copies.push({ item, keptItem });
  }
  return { kept, copies };
}

function isOlder(candidate: Finding, current: Finding): boolean {
  const a = Date.parse(candidate.updatedAt ?? '');
  const b = Date.parse(current.updatedAt ?? '');
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && !Number.isNaN(b);
  return a < b;
}
