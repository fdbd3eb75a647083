/** The results as one flat JSON object (snake_case, numbers), written by `--json FILE`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BudgetLine } from './budget.js';
import type { LambdaEstimate } from './lambda-estimate.js';
import type { Machine } from './machine.js';

/**
 * Times are CPU time (user + system of the measuring process) unless named `wall`: on a shared
 * machine wall time also counts other processes' turns. `*_per_s` is per CPU-second.
 */
export interface BenchResults {
  readonly mode: 'quick' | 'full';
  readonly machine: Machine;
  /** 1-minute load average at the start and the end of the run; above `machine.cores` the wall numbers are inflated. */
  readonly load_average: readonly [number, number];
  // Render: one email (HTML, text, subject) from the model, every fixture.
  readonly render_emails: number;
  readonly render_us_p50: number;
  readonly render_us_p99: number;
  readonly render_wall_us_p50: number;
  readonly mjml_runtime_us_p50: number;
  readonly mjml_runtime_us_p99: number;
  readonly mjml_runtime_wall_us_p50: number;
  readonly render_vs_mjml_x: number;
  /** True when the naive path produced byte-identical emails (it is the same email). */
  readonly mjml_same_email: boolean;
  readonly email_html_bytes_p50: number;
  readonly email_html_bytes_max: number;
  readonly email_text_bytes_p50: number;
  readonly subject_chars_max: number;
  // Bundle and cold start.
  readonly bundle_bytes: number;
  readonly bundle_gzip_bytes: number;
  /** Wall time of a fresh `node -e ''`-like process, and its CPU time. */
  readonly empty_node_ms_p50: number;
  readonly empty_node_cpu_ms_p50: number;
  /** Wall time of a fresh node process that loads the bundle and exits (the cold-start proxy), and its CPU time. */
  readonly import_ms_p50: number;
  readonly import_cpu_ms_p50: number;
  /** The `require()` of the bundle alone, wall time inside that process. */
  readonly import_only_ms_p50: number;
  /** Wall time of loading the bundle over that of an empty node (the budgeted ratio); `_cpu_x` the same in CPU time. */
  readonly import_vs_empty_node_x: number;
  readonly import_vs_empty_node_cpu_x: number;
  /** The SDK floor: a fresh node that loads and constructs the SNS client alone (sdk-floor-entry.ts). */
  readonly sdk_floor_ms_p50: number;
  readonly sdk_floor_vs_empty_node_x: number;
  /** Loading the bundle against the SDK floor: what our own code adds to a cold start. */
  readonly import_vs_sdk_floor_x: number;
  readonly mjml_bundle_bytes: number;
  readonly mjml_bundled: boolean;
  readonly mjml_import_ms_p50: number;
  readonly mjml_import_cpu_ms_p50: number;
  readonly mjml_import_vs_empty_node_x: number;
  // The burst.
  readonly burst_findings: number;
  readonly burst_emails: number;
  readonly burst_errors: number;
  readonly pipeline_findings_per_s: number;
  readonly json_parse_findings_per_s: number;
  readonly pipeline_vs_json_parse: number;
  /** The first pass of a fresh process (JIT compilation included), per CPU-second. */
  readonly pipeline_cold_findings_per_s: number;
  readonly sns_raw_json_findings_per_s: number;
  readonly pipeline_findings_per_wall_s: number;
  readonly json_parse_findings_per_wall_s: number;
  readonly pipeline_us_per_finding: number;
  /** RSS of the burst process with the code loaded, before reading the bodies. */
  readonly module_rss_mb: number;
  /** RSS with all the burst's bodies read (held by the benchmark, not by a Lambda). */
  readonly baseline_rss_mb: number;
  /** Peak RSS while processing the burst once (the budget); `_all_passes` after every timed pass. */
  readonly peak_rss_mb: number;
  readonly peak_rss_all_passes_mb: number;
  /** Peak minus what holding every body costs: the Lambda-like working set. */
  readonly working_rss_mb: number;
  readonly lambda: LambdaEstimate;
  // Delivery windows (npm run simulate's engine; simulated seconds).
  readonly window_emails_per_1k_flood: number;
  readonly window_lost: number;
  readonly lone_latency_s_p50: number;
  readonly lone_latency_s_p99: number;
  readonly lone_findings: number;
  readonly dynamodb_requests_per_finding: number;
  readonly dynamodb_usd_per_10k: number;
  readonly wall_s: number;
  readonly notes: readonly string[];
}

export interface BenchReport extends BenchResults {
  readonly budget: readonly BudgetLine[];
  readonly budget_pass: boolean;
}

/** Writes the report as pretty JSON, creating the folder. */
export function writeReport(file: string, report: BenchReport): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
