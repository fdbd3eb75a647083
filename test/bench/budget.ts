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

/** "A small multiple" of an empty `node -e ''`, fixed before measuring. */
export const IMPORT_MULTIPLE_MAX = 3;

const RULES: readonly { name: string; field: keyof BenchResults; kind: 'min' | 'max'; limit: number }[] = [
  { name: 'render vs MJML per email (x faster)', field: 'render_vs_mjml_x', kind: 'min', limit: 500 },
  { name: 'bundle bytes (150 KB)', field: 'bundle_bytes', kind: 'max', limit: 150_000 },
  {
    name: 'fresh node loading the bundle vs empty node (x, wall)',
    field: 'import_vs_empty_node_x',
    kind: 'max',
    limit: IMPORT_MULTIPLE_MAX,
  },
  { name: 'pipeline vs JSON.parse floor', field: 'pipeline_vs_json_parse', kind: 'min', limit: 0.1 },
  { name: 'peak RSS on the burst (MB)', field: 'peak_rss_mb', kind: 'max', limit: 256 },
  { name: 'burst size (findings)', field: 'burst_findings', kind: 'min', limit: 10_000 },
];

/** One line per budget rule; a missing or non-finite value fails. */
export function checkBudget(results: BenchResults): BudgetLine[] {
  return RULES.map((rule) => {
    const value = Number(results[rule.field]);
    const pass = Number.isFinite(value) && (rule.kind === 'min' ? value >= rule.limit : value <= rule.limit);
    return { ...rule, value, pass };
  });
}
