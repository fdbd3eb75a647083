/** The simulation's stdout: a few lines a person reads. */
import type { SimulationResult } from './simulation.js';

/**
 * @example summary(result) // '500 findings -> 18 emails (18 digests) in 54 invocations ...'
 */
export function summary(result: SimulationResult): string {
  const { batchSize, maxBatchingWindowSeconds, maxConcurrency } = result.eventSource;
  const digests = result.emails.filter((e) => e.findingIds.length > 1).length;
  const shown = new Map<string, number>();
  for (const email of result.emails) for (const id of email.findingIds) shown.set(id, (shown.get(id) ?? 0) + 1);
  const twice = [...shown.values()].filter((n) => n > 1).length;
  const last = Math.max(0, ...result.emails.map((e) => e.sentAtSeconds));
  const kinds = new Map<string, number>();
  for (const skip of result.skipped) kinds.set(skip.kind, (kinds.get(skip.kind) ?? 0) + 1);
  return [
    `event source: batch ${batchSize}, window ${maxBatchingWindowSeconds} s, max concurrency ${maxConcurrency}`,
    `${result.findings} findings -> ${result.emails.length} emails (${digests} digests) in ${result.invocations} invocations (${result.crashed} crashed); last email at ${last.toFixed(1)} s`,
    `shown: ${shown.size} findings (${twice} in more than one email); skipped: ${result.skipped.length}${kinds.size > 0 ? ` (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
    `dead-lettered: ${result.deadLettered.length}; lost: ${result.lost.length}${result.lost.length > 0 ? ` (${result.lost.slice(0, 5).join(', ')}${result.lost.length > 5 ? ', ...' : ''})` : ''}`,
    `peak send rate: ${result.maxSendsPerSecond} a second; DynamoDB: ${result.dynamodbRequestsPerFinding.toFixed(2)} requests a finding`,
  ].join('\n');
}
