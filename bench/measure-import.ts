/**
 * Cold-start proxy: wall time for a fresh `node` process to load a bundle and exit, against an
 * empty `node -e ''`. Runs are interleaved so drift (other processes, CPU boost) hits all alike.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BURST_CONFIG_RAW } from './burst-config.js';
import { type Summary, summarize } from './stats.js';

/** A valid configuration and dummy credentials: the handler builds its clients at module scope; no network is touched. */
export const HANDLER_ENV: Readonly<Record<string, string>> = {
  NOTIFIER_CONFIG: JSON.stringify(BURST_CONFIG_RAW),
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
};

export interface LoadTarget {
  readonly name: string;
  /** The module to import; absent for the empty-node baseline. */
  readonly module?: string;
  /** Load it only on every n-th run (a slow comparison target); default 1. */
  readonly every?: number;
}

export interface ImportResult {
  readonly name: string;
  /** Wall time of the whole process (spawn, load, exit). */
  readonly processMs: Summary;
  /** CPU time of the whole process (user + system, all threads), as the process reports it at exit. */
  readonly cpuMs: Summary;
  /** Time of the `import()` alone, measured inside the process. */
  readonly importMs: Summary;
}

/**
 * Writes a tiny CommonJS wrapper next to the module that `require`s it as the Lambda runtime does
 * a CommonJS handler, waits for the handler's wiring (its SDK client loads during init), prints
 * how long that took, and exits. CommonJS like the baseline's `node -e`: an ESM wrapper would
 * start Node's ESM loader too (about 6 ms here), which is the harness's cost, not the bundle's.
 */
function wrapperFor(module: string): string {
  const wrapper = path.join(path.dirname(module), `load-${path.basename(module, path.extname(module))}.cjs`);
  writeFileSync(
    wrapper,
    [
      'const start = performance.now();',
      `const loaded = require(${JSON.stringify(`./${path.basename(module)}`)});`,
      '// A CommonJS module that compiles at load exports a `ready` promise.',
      'const mod = loaded.default ?? loaded;',
      'Promise.resolve(mod.ready)',
      '  // The handler wires its SDK client during init: an empty batch waits for that, with no network.',
      "  .then(() => (typeof mod.handler === 'function' ? mod.handler({ Records: [] }) : undefined))",
      '  .then(() => {',
      '    const importMs = performance.now() - start;',
      '    const cpu = process.cpuUsage();',
      '    process.stdout.write(JSON.stringify({ importMs, cpuMs: (cpu.user + cpu.system) / 1e3 }));',
      '    process.exit(0);',
      '  });',
      '',
    ].join('\n'),
  );
  return wrapper;
}

/** The baseline: a process that loads nothing and reports its CPU time the same way. */
const EMPTY = [
  '-e',
  'const c = process.cpuUsage(); process.stdout.write(JSON.stringify({ importMs: 0, cpuMs: (c.user + c.system) / 1e3 }));',
];

interface Run {
  readonly processMs: number;
  readonly importMs: number;
  readonly cpuMs: number;
}

function runOnce(args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const processMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
  // The last line is ours; the handler may print log or metric lines before it.
  const reported = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as { importMs: number; cpuMs: number };
  return { processMs, ...reported };
}

/** Loads each target `runs` times (after one discarded warm-up run each, which fills the OS file cache). */
export function measureImports(targets: readonly LoadTarget[], runs: number): ImportResult[] {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...HANDLER_ENV };
  const argsOf = targets.map((t) => (t.module ? [wrapperFor(t.module)] : EMPTY));
  const samples = targets.map(() => ({ processMs: [] as number[], importMs: [] as number[], cpuMs: [] as number[] }));
  for (let run = -1; run < runs; run++) {
    targets.forEach((target, i) => {
      if (run >= 0 && run % (target.every ?? 1) !== 0) return;
      const result = runOnce(argsOf[i] ?? [], env);
      if (run < 0) return;
      samples[i]?.processMs.push(result.processMs);
      samples[i]?.importMs.push(result.importMs);
      samples[i]?.cpuMs.push(result.cpuMs);
    });
  }
  return targets.map((t, i) => ({
    name: t.name,
    processMs: summarize(samples[i]?.processMs ?? []),
    cpuMs: summarize(samples[i]?.cpuMs ?? []),
    importMs: summarize(samples[i]?.importMs ?? []),
  }));
}
