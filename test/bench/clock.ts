/** Monotonic timing helpers (process.hrtime: nanosecond resolution, no clock jumps). */

/** Microseconds since an arbitrary origin. */
export function nowUs(): number {
  return Number(process.hrtime.bigint()) / 1_000;
}

/** Runs `fn` once and returns how long it took in microseconds. */
export function timeUs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1_000;
}

/** Runs async `fn` once and returns how long it took in microseconds. */
export async function timeUsAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1_000;
}
