/**
 * Runs in a fresh process, bundled like the Lambda (see measure-burst.ts), so its memory is the
 * pipeline's and not the benchmark's. Reads newline-separated SQS bodies from the file named in
 * argv[2], processes them in SQS batches of 10 as the handler would, and prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { createMemoryTransport } from '../functions/adapters/memory-transport.js';
import { parseConfig } from '../functions/core/config.js';
import { createEventPipeline } from '../functions/core/pipeline/pipeline.js';
import { renderer } from '../functions/core/render/prebuilt.js';
import { BURST_CONFIG_RAW } from './burst-config.js';
import { type Elapsed, stopwatch } from './clock.js';

const BATCH = 10;
// A fixed clock and no stored state: every finding is new, as in a flood.
const NOW = new Date('2026-01-01T00:00:00Z');
const NO_STATE = new Map();

const [, , file, repeatsArg] = process.argv;
if (!file) throw new Error('usage: node burst.mjs BODIES_FILE [REPEATS]');
const repeats = Math.max(1, Number(repeatsArg ?? 1));
const mb = (bytes: number) => bytes / 2 ** 20;
// Code loaded, templates ready: what a warm Lambda holds before its first batch.
const moduleRssMb = mb(process.memoryUsage().rss);
const bodies = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const baselineRssMb = mb(process.memoryUsage().rss);

// The Lambda's pipeline (EventBridge events only), as the handler builds it.
const pipeline = createEventPipeline(parseConfig(BURST_CONFIG_RAW), renderer);
let transport = createMemoryTransport();
const counts = { emails: 0, skipped: 0, errors: 0, htmlBytes: 0 };
let sampledPeakRss = process.memoryUsage().rss;

/**
 * One Lambda invocation's worth, as the handler runs it: every record read, then the batch planned
 * and rendered as one batch, then delivered; then forgotten.
 */
async function processBatch(batch: readonly string[], offset: number, count: boolean): Promise<void> {
  const reads = batch.map((body, i) => pipeline.read(JSON.parse(body), `message-${offset + i}`));
  const { emails, plan } = pipeline.batch(reads, { now: NOW, prior: NO_STATE });
  for (const { email } of emails) {
    await transport.send(email);
    if (count) {
      counts.emails++;
      counts.htmlBytes += email.html.length;
    }
  }
  if (count) {
    counts.skipped += plan.skipped.length;
    counts.errors += reads.reduce((n, read) => n + read.errors.length, 0);
  }
  // The Lambda returns after each batch and keeps nothing: neither does the benchmark.
  transport = createMemoryTransport();
}

async function pipelineRun(list: readonly string[], count: boolean): Promise<Elapsed> {
  const stop = stopwatch();
  for (let offset = 0; offset < list.length; offset += BATCH) {
    await processBatch(list.slice(offset, offset + BATCH), offset, count);
    if (offset % 1_000 === 0) sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
  }
  return stop();
}

/** Findings per second of wall time and per second of CPU time. */
function rates(runs: readonly Elapsed[]): { wall: number[]; cpu: number[] } {
  return { wall: runs.map((r) => bodies.length / (r.wallUs / 1e6)), cpu: runs.map((r) => bodies.length / (r.cpuUs / 1e6)) };
}

/** The floor: the same bodies, JSON.parse alone. */
let sink = 0;
function parseRun(): Elapsed {
  const stop = stopwatch();
  for (const body of bodies) sink += (JSON.parse(body) as { id: string }).id.length;
  return stop();
}

// The cold pass: a fresh process's first 10,000 findings, JIT compilation included. It is the
// burst the memory budget names, and it warms both sides the same way before the timed pairs.
const coldPass = await pipelineRun(bodies, true);
const peakRss = () => mb(Math.max(process.resourceUsage().maxRSS * 1024, sampledPeakRss));
const peakRssMb = peakRss();
parseRun();

// Timed pairs: one pipeline pass, then one floor pass, on the same bodies, back to back. A pair
// sees the same machine load, so the pair's ratio is steadier than a ratio of separate medians.
const pipelineRuns: Elapsed[] = [];
const parseRuns: Elapsed[] = [];
// No forced GC between them: a full collection frees the maps of parsed JSON that optimized code
// depends on, and V8 then deoptimizes and recompiles the largest render functions (100-200 ms of
// compiler CPU each), which a Lambda between two batches would not see.
for (let r = 0; r < repeats; r++) {
  pipelineRuns.push(await pipelineRun(bodies, false));
  parseRuns.push(parseRun());
}
const peakRssAllPassesMb = peakRss();
const heapUsedMb = mb(process.memoryUsage().heapUsed);

// The raw-JSON SNS recipe (EventBridge -> SNS -> email) sends JSON.stringify of the event: its per-finding work.
const events = bodies.map((body) => JSON.parse(body) as unknown);
const snsRuns: Elapsed[] = [];
for (let r = 0; r < repeats + 1; r++) {
  const stop = stopwatch();
  for (const event of events) sink += JSON.stringify(event).length;
  if (r > 0) snsRuns.push(stop());
}

process.stdout.write(
  `${JSON.stringify({
    findings: bodies.length,
    bodyBytes: bodies.reduce((sum, b) => sum + b.length, 0),
    counts,
    coldPerS: rates([coldPass]),
    pipelinePerS: rates(pipelineRuns),
    parsePerS: rates(parseRuns),
    snsRawPerS: rates(snsRuns),
    moduleRssMb,
    baselineRssMb,
    peakRssMb,
    peakRssAllPassesMb,
    heapUsedMb,
    sink,
  })}\n`,
);
