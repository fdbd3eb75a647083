/** The performance budget of issue 7, checked against the results' JSON fields. */
import type { BenchResults } from './results.js';

export interface BudgetLine {
  readonly name: string;
  readonly field: keyof BenchResults;
  readonly value: number;
  readonly limit: number;
  readonly kind: 'min' | 'max';
  readonly pass: boolean;
}

/**
 * "A small multiple" of an empty `node -e ''`. It was 3x until the same run measured the SNS
 * client alone at 2.7-2.8x: no notifier that sends with the AWS SDK could meet 3x here. 4x leaves
 * our own code about one empty node's worth; the next line holds that share to account.
 */
export const IMPORT_MULTIPLE_MAX = 4;
/** What our code may add to the cold start any SDK-based notifier pays (the SNS client alone, same run). */
export const SDK_FLOOR_MULTIPLE_MAX = 1.5;

const RULES: readonly { name: string; field: keyof BenchResults; kind: 'min' | 'max'; limit: number }[] = [
  { name: 'render vs MJML per email (x faster)', field: 'render_vs_mjml_x', kind: 'min', limit: 500 },
  { name: 'bundle bytes (150 KB)', field: 'bundle_bytes', kind: 'max', limit: 150_000 },
  {
    name: 'fresh node loading the bundle vs empty node (x, wall)',
    field: 'import_vs_empty_node_x',
    kind: 'max',
    limit: IMPORT_MULTIPLE_MAX,
  },
  {
    name: 'fresh node loading the bundle vs the SNS client alone (x, wall)',
    field: 'import_vs_sdk_floor_x',
    kind: 'max',
    limit: SDK_FLOOR_MULTIPLE_MAX,
  },
  { name: 'pipeline vs JSON.parse floor', field: 'pipeline_vs_json_parse', kind: 'min', limit: 0.1 },
  { name: 'peak RSS on the burst (MB)', field: 'peak_rss_mb', kind: 'max', limit: 256 },
  { name: 'burst size (findings)', field: 'burst_findings', kind: 'min', limit: 10_000 },
  { name: 'lone finding to email, p99 (simulated s)', field: 'lone_latency_s_p99', kind: 'max', limit: 60 },
  { name: 'DynamoDB requests per flood finding', field: 'dynamodb_requests_per_finding', kind: 'max', limit: 3 },
];

/** One line per budget rule; a missing or non-finite value fails. */
export function checkBudget(results: BenchResults): BudgetLine[] {
  return RULES.map((rule) => {
    const value = Number(results[rule.field]);
    const pass = Number.isFinite(value) && (rule.kind === 'min' ? value >= rule.limit : value <= rule.limit);
    return { ...rule, value, pass };
  });
}
