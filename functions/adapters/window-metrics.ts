/** The notifier's CloudWatch metrics, written as EMF by Powertools Metrics once per window. */
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { WindowCounts } from '../core/policy/counts.js';
import { METRIC } from './metric-names.js';

export { METRIC, METRICS_NAMESPACE, METRICS_SERVICE } from './metric-names.js';

/** A window's counts as the notifier reports them: the plan's counts plus what delivery did. */
export interface NotifierCounts extends WindowCounts {
  /** Emails delivered. */
  readonly sent: number;
  /** Emails not delivered (failed or deferred) plus unreadable inputs and findings. */
  readonly failed: number;
}

/**
 * Adds one window's counts and flushes them (one EMF line on stdout).
 *
 * @example
 * publishWindowMetrics(new Metrics({ namespace: METRICS_NAMESPACE }), report.counts);
 */
export function publishWindowMetrics(metrics: Metrics, counts: NotifierCounts): void {
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
  for (const [name, value] of values) metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}
