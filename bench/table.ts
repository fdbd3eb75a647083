/** Prints the results as aligned plain-text tables (and the budget, PASS/FAIL per line). */
import type { BudgetLine } from './budget.js';
import type { BenchResults } from './results.js';
import { round } from './stats.js';

type Row = readonly [string, string, string];

const n = (value: number): string => (Number.isFinite(value) ? round(value).toLocaleString('en-US') : 'n/a');

/** The rows of the results table: what, value, and what it is compared with. */
export function resultRows(r: BenchResults): Row[] {
  return [
    [
      'render one email (CPU), p50 / p99',
      `${n(r.render_us_p50)} / ${n(r.render_us_p99)} us`,
      `${r.render_emails} emails, every fixture; wall p50 ${n(r.render_wall_us_p50)} us`,
    ],
    [
      'MJML compiled per email (CPU), p50',
      `${n(r.mjml_runtime_us_p50)} us`,
      `precompiled is ${n(r.render_vs_mjml_x)}x faster; wall ${n(r.mjml_runtime_wall_us_p50)} us`,
    ],
    [
      'email size, HTML p50 / max',
      `${n(r.email_html_bytes_p50)} / ${n(r.email_html_bytes_max)} B`,
      `text p50 ${n(r.email_text_bytes_p50)} B`,
    ],
    ['Lambda bundle (minified, SDK external)', `${n(r.bundle_bytes)} B`, `${n(r.bundle_gzip_bytes)} B gzipped`],
    [
      'fresh node loading the bundle (wall), p50',
      `${n(r.import_ms_p50)} ms`,
      `${n(r.import_vs_empty_node_x)}x empty node (${n(r.empty_node_ms_p50)} ms); CPU ${n(r.import_cpu_ms_p50)} ms, ${n(r.import_vs_empty_node_cpu_x)}x`,
    ],
    ['  of which require() alone (wall), p50', `${n(r.import_only_ms_p50)} ms`, ''],
    [
      'fresh node loading the SNS client alone',
      `${n(r.sdk_floor_ms_p50)} ms`,
      `${n(r.sdk_floor_vs_empty_node_x)}x empty node; the bundle is ${n(r.import_vs_sdk_floor_x)}x this floor`,
    ],
    [
      'fresh node compiling MJML at load (wall)',
      `${n(r.mjml_import_ms_p50)} ms`,
      `${n(r.mjml_import_vs_empty_node_x)}x empty node; ${r.mjml_bundled ? `${n(r.mjml_bundle_bytes)} B bundle` : 'not bundled'}`,
    ],
    [
      'pipeline (per CPU-second)',
      `${n(r.pipeline_findings_per_s)} findings/s`,
      `${n(r.pipeline_us_per_finding)} us each, ${r.burst_findings} findings; wall ${n(r.pipeline_findings_per_wall_s)}/s`,
    ],
    [
      'JSON.parse floor (per CPU-second)',
      `${n(r.json_parse_findings_per_s)} findings/s`,
      `pipeline = ${n(r.pipeline_vs_json_parse)} of it (median of paired passes); wall ${n(r.json_parse_findings_per_wall_s)}/s`,
    ],
    [
      'pipeline, cold pass (per CPU-second)',
      `${n(r.pipeline_cold_findings_per_s)} findings/s`,
      "a fresh process's first 10,000, JIT compilation included",
    ],
    ['raw-JSON SNS recipe (stringify)', `${n(r.sns_raw_json_findings_per_s)} findings/s`, 'reference: what the unreadable email costs'],
    [
      'peak RSS on the burst',
      `${n(r.peak_rss_mb)} MB`,
      `code ${n(r.module_rss_mb)} MB, + bodies ${n(r.baseline_rss_mb)} MB; working set ~${n(r.working_rss_mb)} MB; ${n(r.peak_rss_all_passes_mb)} MB after all passes`,
    ],
    [
      'Lambda CPU per 10,000 findings',
      `${n(r.lambda.gb_s_per_10k)} GB-s`,
      `at ${r.lambda.memory_mb} MB (working set ${r.lambda.working_set_fits ? 'fits' : 'does NOT fit'}), SES/SNS waits excluded; $${r.lambda.usd_per_10k.toFixed(5)} arm64`,
    ],
    [
      'emails per 1,000 flood findings',
      `${n(r.window_emails_per_1k_flood)}`,
      `simulated as deployed: 2 accounts x 3 severities over 120 s; ${n(r.window_lost)} lost`,
    ],
    [
      'lone finding to email (simulated), p50 / p99',
      `${n(r.lone_latency_s_p50)} / ${n(r.lone_latency_s_p99)} s`,
      `${r.lone_findings} findings, each alone; goal within 60 s`,
    ],
    [
      'DynamoDB requests per finding (flood)',
      `${n(r.dynamodb_requests_per_finding)}`,
      `goal at most 3; on-demand $${r.dynamodb_usd_per_10k.toFixed(4)} per 10,000 findings (us-east-1)`,
    ],
  ];
}

/** Formats rows as a table with a header line. */
export function formatTable(header: Row, rows: readonly Row[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (row: Row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One line per budget rule. */
export function budgetLines(lines: readonly BudgetLine[]): string {
  return lines
    .map((l) => `${l.pass ? 'PASS' : 'FAIL'}  ${l.name}: ${n(l.value)} (${l.kind === 'min' ? 'at least' : 'at most'} ${n(l.limit)})`)
    .join('\n');
}
