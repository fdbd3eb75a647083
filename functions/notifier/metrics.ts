/**
 * The notifier's CloudWatch metrics: one EMF line per invocation. It is the line Powertools Metrics
 * wrote for these counts (a test compares them); written directly, the bundle is 12 KB smaller.
 */

import { emfLine } from '../adapters/emf.js';
import { METRIC, METRICS_NAMESPACE, METRICS_SERVICE } from '../adapters/metric-names.js';
import type { BatchCounts } from '../core/policy/counts.js';

export { METRIC, METRICS_NAMESPACE, METRICS_SERVICE } from '../adapters/metric-names.js';

/** A batch's counts as the notifier reports them: the plan's counts plus what delivery did. */
export interface NotifierCounts extends BatchCounts {
  /** Emails delivered. */
  readonly sent: number;
  /** Emails not delivered (failed or deferred) plus unreadable inputs and findings. */
  readonly failed: number;
}

/**
 * One batch's counts as one EMF line (namespace `SecurityHubEmailNotifier`, dimension `service`),
 * handed to `write` with its line break.
 *
 * @example
 * publishMetrics((line) => process.stdout.write(line), report.counts);
 */
export function publishMetrics(write: (line: string) => void, counts: NotifierCounts, timestamp: number = Date.now()): void {
  const values: [string, number][] = [
    [METRIC.received, counts.received],
    [METRIC.mailed, counts.mailed],
    [METRIC.sent, counts.sent],
    [METRIC.deduplicated, counts.deduplicated],
    [METRIC.silenced, counts.silenced],
    [METRIC.digested, counts.digested],
    [METRIC.filtered, counts.filtered],
    [METRIC.failed, counts.failed],
  ];
  write(`${emfLine(METRICS_NAMESPACE, { service: METRICS_SERVICE }, values, timestamp)}\n`);
}

const TRUTHY = new Set(['1', 'y', 'yes', 't', 'true', 'on']);

/**
 * Whether the environment turns metrics off, as Powertools Metrics reads it:
 * `POWERTOOLS_METRICS_DISABLED` when set, else `POWERTOOLS_DEV`.
 *
 * @example metricsDisabled({ POWERTOOLS_METRICS_DISABLED: 'true' }) // true
 */
export function metricsDisabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const flag = env.POWERTOOLS_METRICS_DISABLED ?? env.POWERTOOLS_DEV ?? '';
  return TRUTHY.has(flag.trim().toLowerCase());
}

/**
 * The counts of several batches of one invocation (an ingest, flushes), summed.
 *
 * @example addCounts([a, b]).sent // a.sent + b.sent
 */
export function addCounts(all: readonly NotifierCounts[]): NotifierCounts {
  const sum = (name: keyof NotifierCounts) => all.reduce((total, counts) => total + counts[name], 0);
  return {
    received: sum('received'),
    notifications: sum('notifications'),
    mailed: sum('mailed'),
    digested: sum('digested'),
    deduplicated: sum('deduplicated'),
    silenced: sum('silenced'),
    filtered: sum('filtered'),
    resolved: sum('resolved'),
    sent: sum('sent'),
    failed: sum('failed'),
  };
}
