/**
 * CloudWatch embedded metric format (EMF): one JSON line in the function's log that CloudWatch
 * turns into metrics. See https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */

/**
 * One EMF line: every value a `Count` under `namespace`, aggregated by all of `dimensions`. The
 * same document Powertools Metrics serializes for `addMetric(name, Count, value)` per value plus
 * `publishStoredMetrics()` with those dimensions (keys in the same order).
 *
 * @example
 * emfLine('MyApp', { service: 'orders' }, [['Sent', 2]], 0)
 * // '{"_aws":{"Timestamp":0,"CloudWatchMetrics":[{"Namespace":"MyApp","Dimensions":[["service"]],"Metrics":[{"Name":"Sent","Unit":"Count"}]}]},"service":"orders","Sent":2}'
 */
export function emfLine(
  namespace: string,
  dimensions: Readonly<Record<string, string>>,
  counts: readonly (readonly [string, number])[],
  timestamp: number,
): string {
  const metrics = counts.map(([name]) => ({ Name: name, Unit: 'Count' }));
  const aws = {
    Timestamp: timestamp,
    CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [Object.keys(dimensions)], Metrics: metrics }],
  };
  return JSON.stringify({ _aws: aws, ...dimensions, ...Object.fromEntries(counts) });
}
