/** The EMF line the handler writes is the one Powertools Metrics wrote for the same counts. */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  metricsDisabled,
  type NotifierCounts,
  publishMetrics,
} from '../../../functions/notifier/metrics.js';

const COUNTS: NotifierCounts = {
  notifications: 7,
  resolved: 0,
  received: 12,
  mailed: 3,
  sent: 4,
  deduplicated: 2,
  silenced: 1,
  digested: 5,
  filtered: 0,
  failed: 1,
};

/** What Powertools Metrics writes for `counts` (the way the handler used it before), parsed. */
function powertoolsLine(counts: NotifierCounts, timestamp: number): unknown {
  const written: string[] = [];
  // POWERTOOLS_DEV makes Metrics write with the global console (the test stubs it); METRICS_DISABLED=false keeps it on.
  vi.stubEnv('POWERTOOLS_DEV', 'true');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void written.push(String(line)));
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
  metrics.setTimestamp(timestamp);
  const names = ['FindingsReceived', 'FindingsMailed', 'EmailsSent', 'Deduplicated', 'Silenced', 'Digested', 'Filtered', 'Failed'];
  const values = [
    counts.received,
    counts.mailed,
    counts.sent,
    counts.deduplicated,
    counts.silenced,
    counts.digested,
    counts.filtered,
    counts.failed,
  ];
  names.forEach((name, i) => {
    metrics.addMetric(name, 'Count', values[i] ?? Number.NaN);
  });
  metrics.publishStoredMetrics();
  expect(written).toHaveLength(1);
  return JSON.parse(written[0] ?? '');
}

describe('publishMetrics', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('writes the same EMF document as Powertools Metrics, key order included, as one line', () => {
    // Prepare
    const timestamp = Date.now();
    const lines: string[] = [];
    // Act
    publishMetrics((line) => lines.push(line), COUNTS, timestamp);
    // Assess
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(lines[0]?.trim()).toBe(JSON.stringify(powertoolsLine(COUNTS, timestamp)));
  });

  it('is turned off by the variables Powertools reads', () => {
    expect(metricsDisabled({})).toBe(false);
    expect(metricsDisabled({ POWERTOOLS_METRICS_DISABLED: 'true' })).toBe(true);
    expect(metricsDisabled({ POWERTOOLS_METRICS_DISABLED: 'false', POWERTOOLS_DEV: 'true' })).toBe(false);
    expect(metricsDisabled({ POWERTOOLS_DEV: '1' })).toBe(true);
  });
});
