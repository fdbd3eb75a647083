/**
 * The burst: writes the SQS bodies to bench-results/, bundles burst-child.ts like the Lambda
 * (minified, SDK external) and runs it in a fresh `node`, so throughput and peak memory are
 * those of the pipeline in a process of its own, not of this benchmark with mjml loaded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runChild } from './child.js';
import { OUT_DIR } from './paths.js';
import { median } from './stats.js';

export interface BurstResult {
  readonly findings: number;
  readonly bodyBytes: number;
  readonly emails: number;
  readonly skipped: number;
  readonly errors: number;
  readonly meanHtmlBytes: number;
  /** Findings per CPU-second (medians of the timed passes). */
  readonly pipelinePerS: number;
  /** The pipeline as a fraction of the floor: the median of the timed pairs' ratios (CPU). */
  readonly pipelineVsParse: number;
  /** Findings per CPU-second of the cold pass: a fresh process's first 10,000, JIT compilation included. */
  readonly coldPerS: number;
  readonly parsePerS: number;
  readonly snsRawPerS: number;
  /** Findings per wall-clock second. */
  readonly pipelinePerWallS: number;
  readonly parsePerWallS: number;
  /** RSS with the code loaded, before the bodies are read. */
  readonly moduleRssMb: number;
  /** RSS with the bodies read (the benchmark holds all of them; a Lambda holds one batch). */
  readonly baselineRssMb: number;
  /** Peak RSS after the first pass over the burst (the budgeted number). */
  readonly peakRssMb: number;
  /** Peak RSS after every timed pass. */
  readonly peakRssAllPassesMb: number;
  readonly heapUsedMb: number;
}

interface Rates {
  wall: number[];
  cpu: number[];
}

interface ChildReport {
  findings: number;
  bodyBytes: number;
  counts: { emails: number; skipped: number; errors: number; htmlBytes: number };
  coldPerS: Rates;
  pipelinePerS: Rates;
  parsePerS: Rates;
  snsRawPerS: Rates;
  moduleRssMb: number;
  baselineRssMb: number;
  peakRssMb: number;
  peakRssAllPassesMb: number;
  heapUsedMb: number;
}

/**
 * Runs the burst over `bodies` in a fresh process: one cold pass, then `repeats` timed pairs of a
 * pipeline pass and a floor pass (medians reported).
 */
export async function measureBurst(bodies: readonly string[], repeats: number): Promise<BurstResult> {
  mkdirSync(OUT_DIR, { recursive: true });
  const bodiesFile = `${OUT_DIR}/burst-bodies.ndjson`;
  writeFileSync(bodiesFile, `${bodies.join('\n')}\n`);
  const report = await runChild<ChildReport>('burst-child.ts', [bodiesFile, String(repeats)]);
  return {
    findings: report.findings,
    bodyBytes: report.bodyBytes,
    emails: report.counts.emails,
    skipped: report.counts.skipped,
    errors: report.counts.errors,
    meanHtmlBytes: report.counts.emails === 0 ? 0 : report.counts.htmlBytes / report.counts.emails,
    pipelinePerS: median(report.pipelinePerS.cpu),
    pipelineVsParse: median(report.pipelinePerS.cpu.map((rate, i) => rate / (report.parsePerS.cpu[i] ?? Number.NaN))),
    coldPerS: median(report.coldPerS.cpu),
    parsePerS: median(report.parsePerS.cpu),
    snsRawPerS: median(report.snsRawPerS.cpu),
    pipelinePerWallS: median(report.pipelinePerS.wall),
    parsePerWallS: median(report.parsePerS.wall),
    moduleRssMb: report.moduleRssMb,
    baselineRssMb: report.baselineRssMb,
    peakRssMb: report.peakRssMb,
    peakRssAllPassesMb: report.peakRssAllPassesMb,
    heapUsedMb: report.heapUsedMb,
  };
}
