/**
 * The delivery windows through `npm run simulate`'s engine (the real handler, the synthesized event
 * sources, dynalite and the SES v2 stand-in): emails per 1,000 flood findings, the latency of a lone
 * finding, and DynamoDB's requests and cost per finding. Simulated seconds, so the numbers do not
 * depend on this machine's speed.
 */
import { seededRandom } from '../functions/simulate/random.js';
import type { SimInput } from '../functions/simulate/simulation.js';
import { flood, run } from '../test/simulate/scenario.js';
import { seedEvent } from '../test/support/seed-events.js';
import { percentile } from './stats.js';

/**
 * DynamoDB on-demand in us-east-1 (aws.amazon.com/dynamodb/pricing/on-demand/, the rates since the
 * November 2024 reduction): USD per write request unit and per read request unit.
 */
const USD_PER_WRITE_UNIT = 0.625 / 1e6;
const USD_PER_READ_UNIT = 0.125 / 1e6;

export interface WindowsResult {
  readonly floodFindings: number;
  readonly floodEmails: number;
  readonly floodLost: number;
  readonly loneFindings: number;
  readonly loneLatencyP50S: number;
  readonly loneLatencyP99S: number;
  readonly dynamodbRequestsPerFinding: number;
  readonly dynamodbUsdPer10k: number;
}

/** @example const windows = await measureWindows(20); windows.floodEmails // 30-ish per 1,000 */
export async function measureWindows(loneCount: number): Promise<WindowsResult> {
  const flooded = await run('ses', flood(1000, 120).inputs);
  const costPerFinding =
    (flooded.dynamodbUnits.write * USD_PER_WRITE_UNIT + flooded.dynamodbUnits.read * USD_PER_READ_UNIT) / flooded.findings;
  const lone = await run('ses', loneInputs(loneCount));
  const latencies = lone.emails
    .map((e) => e.sentAtSeconds - loneArrival(Number(/\[l(\d+)\]/.exec(e.subject)?.[1])) / 1000)
    .sort((a, b) => a - b);
  return {
    floodFindings: flooded.findings,
    floodEmails: flooded.emails.length,
    floodLost: flooded.lost.length + lone.lost.length,
    loneFindings: latencies.length,
    loneLatencyP50S: percentile(latencies, 50),
    loneLatencyP99S: percentile(latencies, 99),
    dynamodbRequestsPerFinding: flooded.dynamodbRequestsPerFinding,
    dynamodbUsdPer10k: costPerFinding * 10_000,
  };
}

/** One finding an hour (each alone in its window), at a random second within its hour. */
function loneInputs(count: number): SimInput[] {
  const severities = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
  return Array.from({ length: count }, (_, i) => ({
    body: JSON.stringify(seedEvent({ tag: `l${i}`, severity: severities[i % severities.length] ?? 'HIGH' })),
    arrivalMs: loneArrival(i),
  }));
}

const jitter = seededRandom(11);
const offsets: number[] = [];
function loneArrival(i: number): number {
  while (offsets.length <= i) offsets.push(Math.round(jitter() * 60_000));
  return i * 3_600_000 + (offsets[i] ?? 0);
}
