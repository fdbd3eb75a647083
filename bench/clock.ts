/**
 * Timing helpers. Each measures wall time (hrtime, monotonic) and the process's CPU time
 * (user + system, all threads). On a shared machine (load average above the core count) wall
 * time counts the time other processes held the CPU; CPU time does not, so the budget uses
 * CPU time and the report shows both.
 */

export interface Elapsed {
  readonly wallUs: number;
  readonly cpuUs: number;
}

/** Starts a stopwatch; call the returned function to read wall and CPU microseconds since. */
export function stopwatch(): () => Elapsed {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallUs: Number(process.hrtime.bigint() - wall) / 1_000, cpuUs: used.user + used.system };
  };
}

/** Runs async `fn` once and returns how long it took. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<Elapsed> {
  const stop = stopwatch();
  await fn();
  return stop();
}
