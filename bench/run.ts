/**
 * `npm run bench [-- --quick] [--json FILE]`: the benchmark suite and performance budget (issue 7).
 * Measures render vs MJML per email, the Lambda bundle and its load time, and a 10,000+ finding
 * burst through the whole pipeline; prints a table and the budget, and exits 1 when the budget is missed.
 * No network; everything it writes goes to bench-results/ (and FILE).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { parseArgs, planFor } from './args.js';
import { checkBudget } from './budget.js';
import { buildHandlerBundle, buildMjmlRuntimeBundle, buildSdkFloorBundle } from './build-bundles.js';
import { burstBodies, burstSource } from './burst-events.js';
import { loadFixtures } from './fixtures.js';
import { estimateLambda } from './lambda-estimate.js';
import { describeMachine } from './machine.js';
import { measureBurst } from './measure-burst.js';
import { measureImports } from './measure-import.js';
import { measureMjml } from './measure-mjml.js';
import { measureRender } from './measure-render.js';
import { measureWindows } from './measure-windows.js';
import { collectNotifications } from './notifications.js';
import { OUT_DIR, ROOT } from './paths.js';
import type { BenchReport, BenchResults } from './results.js';
import { writeReport } from './results.js';
import { budgetLines, formatTable, resultRows } from './table.js';

const started = process.hrtime.bigint();
const loadAtStart = os.loadavg()[0] ?? Number.NaN;
const args = parseArgs(process.argv.slice(2));
const plan = planFor(args);
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

log(`${args.quick ? 'quick' : 'full'} run; building templates (npm run build:templates)`);
execFileSync('npm', ['run', '--silent', 'build:templates'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
// Generated just now, so imported only now.
const { renderer } = await import('../functions/core/render/prebuilt.js');

const fixtures = loadFixtures();
const notifications = collectNotifications(fixtures, renderer);
log(`${fixtures.length} fixtures, ${notifications.length} emails; timing the precompiled render`);
const render = await measureRender(plan.renderRounds);

log('timing the naive path: MJML compiled for each email');
const mjml = await measureMjml(plan.mjmlRounds);

log('bundling the handler as the CDK construct does, and an entry that compiles MJML at runtime');
const handler = await buildHandlerBundle();
const sdkFloor = await buildSdkFloorBundle();
const mjmlBundle = await buildMjmlRuntimeBundle();
log(`loading each in ${plan.importRuns} fresh node processes`);
const [empty, sdkLoad, handlerLoad, mjmlLoad] = measureImports(
  [
    { name: 'empty' },
    { name: 'sdk', module: sdkFloor.file },
    { name: 'handler', module: handler.file },
    { name: 'mjml', module: mjmlBundle.file, every: 2 },
  ],
  plan.importRuns,
);
if (!empty || !sdkLoad || !handlerLoad || !mjmlLoad) throw new Error('import measurement returned too few results');

const source = burstSource(fixtures, renderer);
log(`burst of ${plan.burstFindings} findings built from ${source.findings.length} emailable fixture findings`);
const burst = await measureBurst(burstBodies(source, plan.burstFindings), plan.burstRepeats);

log(`delivery windows: a 1,000-finding flood and ${plan.loneFindings} lone findings through the simulator`);
const windows = await measureWindows(plan.loneFindings);

const notes: string[] = [];
if (windows.floodLost > 0) notes.push(`windows: ${windows.floodLost} findings lost in the simulation`);
if (!mjml.sameEmail) notes.push('the naive MJML path did not produce byte-identical emails');
if (mjmlBundle.note) notes.push(mjmlBundle.note);
if (burst.errors > 0 || burst.emails !== burst.findings)
  notes.push(`burst: ${burst.emails} emails, ${burst.skipped} skipped, ${burst.errors} errors`);

const results: BenchResults = {
  mode: args.quick ? 'quick' : 'full',
  machine: describeMachine(),
  load_average: [loadAtStart, os.loadavg()[0] ?? Number.NaN],
  render_emails: render.emails,
  render_us_p50: render.cpuUs.p50,
  render_us_p99: render.cpuUs.p99,
  render_wall_us_p50: render.wallUs.p50,
  mjml_runtime_us_p50: mjml.cpuUs.p50,
  mjml_runtime_us_p99: mjml.cpuUs.p99,
  mjml_runtime_wall_us_p50: mjml.wallUs.p50,
  render_vs_mjml_x: mjml.cpuUs.p50 / render.cpuUs.p50,
  mjml_same_email: mjml.sameEmail,
  email_html_bytes_p50: render.htmlBytes.p50,
  email_html_bytes_max: render.htmlBytes.max,
  email_text_bytes_p50: render.textBytes.p50,
  subject_chars_max: render.subjectChars.max,
  bundle_bytes: handler.bytes,
  bundle_gzip_bytes: gzipSync(readFileSync(handler.file)).length,
  empty_node_ms_p50: empty.processMs.p50,
  empty_node_cpu_ms_p50: empty.cpuMs.p50,
  import_ms_p50: handlerLoad.processMs.p50,
  import_cpu_ms_p50: handlerLoad.cpuMs.p50,
  import_only_ms_p50: handlerLoad.importMs.p50,
  import_vs_empty_node_x: handlerLoad.processMs.p50 / empty.processMs.p50,
  import_vs_empty_node_cpu_x: handlerLoad.cpuMs.p50 / empty.cpuMs.p50,
  sdk_floor_ms_p50: sdkLoad.processMs.p50,
  sdk_floor_vs_empty_node_x: sdkLoad.processMs.p50 / empty.processMs.p50,
  import_vs_sdk_floor_x: handlerLoad.processMs.p50 / sdkLoad.processMs.p50,
  mjml_bundle_bytes: mjmlBundle.bytes,
  mjml_bundled: mjmlBundle.bundled,
  mjml_import_ms_p50: mjmlLoad.processMs.p50,
  mjml_import_cpu_ms_p50: mjmlLoad.cpuMs.p50,
  mjml_import_vs_empty_node_x: mjmlLoad.processMs.p50 / empty.processMs.p50,
  burst_findings: burst.findings,
  burst_emails: burst.emails,
  burst_errors: burst.errors,
  pipeline_findings_per_s: burst.pipelinePerS,
  json_parse_findings_per_s: burst.parsePerS,
  pipeline_vs_json_parse: burst.pipelineVsParse,
  pipeline_cold_findings_per_s: burst.coldPerS,
  sns_raw_json_findings_per_s: burst.snsRawPerS,
  pipeline_findings_per_wall_s: burst.pipelinePerWallS,
  json_parse_findings_per_wall_s: burst.parsePerWallS,
  pipeline_us_per_finding: 1e6 / burst.pipelinePerS,
  module_rss_mb: burst.moduleRssMb,
  baseline_rss_mb: burst.baselineRssMb,
  peak_rss_mb: burst.peakRssMb,
  peak_rss_all_passes_mb: burst.peakRssAllPassesMb,
  working_rss_mb: burst.peakRssMb - (burst.baselineRssMb - burst.moduleRssMb),
  lambda: estimateLambda(burst.pipelinePerS, burst.peakRssMb - (burst.baselineRssMb - burst.moduleRssMb)),
  window_emails_per_1k_flood: (windows.floodEmails * 1000) / windows.floodFindings,
  window_lost: windows.floodLost,
  lone_latency_s_p50: windows.loneLatencyP50S,
  lone_latency_s_p99: windows.loneLatencyP99S,
  lone_findings: windows.loneFindings,
  dynamodb_requests_per_finding: windows.dynamodbRequestsPerFinding,
  dynamodb_usd_per_10k: windows.dynamodbUsdPer10k,
  wall_s: elapsed(),
  notes,
};
const budget = checkBudget(results);
const report: BenchReport = { ...results, budget, budget_pass: budget.every((line) => line.pass) };

const m = results.machine;
process.stdout.write(
  [
    `securityhub-email-notifier benchmark (${results.mode}) ${m.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores, node ${m.node}, load ${results.load_average.map((l) => l.toFixed(1)).join(' -> ')}`,
    'CPU = user + system time of the measuring process; wall time is inflated when the load average exceeds the cores',
    '',
    formatTable(['measure', 'value', 'compared with'], resultRows(results)),
    '',
    budgetLines(budget),
    ...notes.map((note) => `note: ${note}`),
    `(${results.wall_s.toFixed(1)} s)`,
    '',
  ].join('\n'),
);
writeReport(`${OUT_DIR}/latest-${results.mode}.json`, report);
if (args.jsonFile) writeReport(args.jsonFile, report);
if (!report.budget_pass) {
  process.stdout.write(
    `BUDGET MISSED: ${budget
      .filter((l) => !l.pass)
      .map((l) => l.name)
      .join('; ')}\n`,
  );
  process.exitCode = 1;
}
