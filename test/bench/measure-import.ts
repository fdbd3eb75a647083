/**
 * Cold-start proxy: wall time for a fresh `node` process to load a bundle and exit, against an
 * empty `node -e ''`. Runs are interleaved so drift (other processes, CPU boost) hits all alike.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Summary, summarize } from './stats.js';

/** A valid configuration and dummy credentials: the handler builds its clients at module scope; no network is touched. */
export const HANDLER_ENV: Readonly<Record<string, string>> = {
  NOTIFIER_CONFIG: JSON.stringify({ transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:t' } }),
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
}

export interface ImportResult {
  readonly name: string;
  /** Wall time of the whole process (spawn, load, exit). */
  readonly processMs: Summary;
  /** Time of the `import()` alone, measured inside the process. */
  readonly importMs: Summary;
}

/** Writes a tiny wrapper next to the module that imports it, prints how long that took, and exits. */
function wrapperFor(module: string): string {
  const wrapper = path.join(path.dirname(module), `load-${path.basename(module, path.extname(module))}.mjs`);
  writeFileSync(
    wrapper,
    [
      'const start = performance.now();',
      `const loaded = await import(${JSON.stringify(`./${path.basename(module)}`)});`,
      '// A CommonJS module that compiles at load exports a `ready` promise.',
      'await (loaded.default ?? loaded).ready;',
      'process.stdout.write(String(performance.now() - start));',
      'process.exit(0);',
      '',
    ].join('\n'),
  );
  return wrapper;
}

function runOnce(args: readonly string[], env: NodeJS.ProcessEnv): { processMs: number; importMs: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const processMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
  return { processMs, importMs: Number(child.stdout || 0) };
}

/** Loads each target `runs` times (after one discarded warm-up run each, which fills the OS file cache). */
export function measureImports(targets: readonly LoadTarget[], runs: number): ImportResult[] {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...HANDLER_ENV };
  const argsOf = targets.map((t) => (t.module ? [wrapperFor(t.module)] : ['-e', '']));
  const samples = targets.map(() => ({ processMs: [] as number[], importMs: [] as number[] }));
  for (let run = -1; run < runs; run++) {
    targets.forEach((_, i) => {
      const result = runOnce(argsOf[i] ?? [], env);
      if (run < 0) return;
      samples[i]?.processMs.push(result.processMs);
      samples[i]?.importMs.push(result.importMs);
    });
  }
  return targets.map((t, i) => ({
    name: t.name,
    processMs: summarize(samples[i]?.processMs ?? []),
    importMs: summarize(samples[i]?.importMs ?? []),
  }));
}
