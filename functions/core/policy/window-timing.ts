/**
 * When a group's window flushes (Alertmanager's `group_wait` and `group_interval`), as pure
 * functions of the configuration and the clock; the adapters store and schedule what they return.
 */
import type { Finding } from '../finding/model.js';
import { groupKey } from './group.js';
import type { PolicyConfig, Route } from './policy-config.js';

export type WindowConfig = PolicyConfig['window'];

/**
 * The window a finding waits in: its route and the `digest.groupBy` fields. A window never spans
 * two routes, so one flush never mixes recipients.
 *
 * @example
 * windowGroup(finding, route, ['accountId', 'severity']) // 'default\u0000111122223333\u0000HIGH'
 */
export function windowGroup(finding: Finding, route: Route, groupBy: PolicyConfig['digest']['groupBy']): string {
  return `${route.name}\u0000${groupKey(finding, groupBy)}`;
}

/**
 * Milliseconds a newly pending finding waits before its group flushes: the severity's own wait,
 * else `groupWaitSeconds`.
 *
 * @example
 * waitMs('CRITICAL', { groupWaitSeconds: 30, severityWaitSeconds: { CRITICAL: 10 }, groupIntervalSeconds: 300 }) // 10000
 */
export function waitMs(severity: Finding['severity'], config: WindowConfig): number {
  return (config.severityWaitSeconds[severity] ?? config.groupWaitSeconds) * 1000;
}

/**
 * When the group should flush (epoch ms), given its newly pending findings' severities, the
 * time now and the earliest the group may flush again (`quietUntil`: last flush + interval).
 *
 * @example
 * flushDue(['MEDIUM'], 0, undefined, config) // 30000
 * flushDue(['MEDIUM'], 0, 300000, config) // 300000: a flood waits for the group interval
 */
export function flushDue(
  severities: readonly Finding['severity'][],
  nowMs: number,
  quietUntil: number | undefined,
  config: WindowConfig,
): number {
  const wait = Math.min(...severities.map((s) => waitMs(s, config)));
  return Math.max(nowMs + (Number.isFinite(wait) ? wait : config.groupWaitSeconds * 1000), quietUntil ?? 0);
}

/**
 * Whether a window's stored due time must be (re)written: no flush is scheduled, the scheduled one
 * is later than `due` (a more urgent finding arrived), or it is overdue by `overdueMs` (its flush
 * message was lost or dead-lettered: the findings must not be stranded).
 *
 * @example
 * needsSchedule(undefined, 30000, 0, 900000) // true
 */
export function needsSchedule(storedDue: number | undefined, due: number, nowMs: number, overdueMs: number): boolean {
  return storedDue === undefined || storedDue > due || storedDue < nowMs - overdueMs;
}
