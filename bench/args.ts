/** Command-line options of `npm run bench`. */

export interface BenchArgs {
  /** Fewer iterations, same burst size: a check that finishes in under a minute. */
  readonly quick: boolean;
  /** Where to also write the results as JSON. */
  readonly jsonFile?: string;
}

export const USAGE = 'usage: npm run bench [-- --quick] [--json FILE]';

/**
 * Parses the arguments after `tsx bench/run.ts`.
 *
 * @example
 * parseArgs(['--quick', '--json', 'out.json']) // { quick: true, jsonFile: 'out.json' }
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let jsonFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--json') {
      jsonFile = argv[++i];
      if (!jsonFile) throw new Error(`--json needs a file name; ${USAGE}`);
    } else if (arg?.startsWith('--json=')) jsonFile = arg.slice('--json='.length);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}; ${USAGE}`);
  }
  return jsonFile === undefined ? { quick } : { quick, jsonFile };
}

/** Iteration counts per mode. The burst is 10,000 findings in both modes (the budget names that size); full mode times it more often. */
export interface Plan {
  readonly renderRounds: number;
  readonly mjmlRounds: number;
  readonly importRuns: number;
  readonly burstFindings: number;
  readonly burstRepeats: number;
  /** Lone findings (each alone in its window) whose latency the window lines take p50 and p99 of. */
  readonly loneFindings: number;
}

/** Quick keeps every measurement but takes fewer samples (5 timed burst pairs instead of 9, fewer render rounds and load runs). */
export function planFor(args: BenchArgs): Plan {
  return args.quick
    ? { renderRounds: 400, mjmlRounds: 1, importRuns: 9, burstFindings: 10_000, burstRepeats: 5, loneFindings: 20 }
    : { renderRounds: 2_000, mjmlRounds: 3, importRuns: 21, burstFindings: 10_000, burstRepeats: 9, loneFindings: 100 };
}
