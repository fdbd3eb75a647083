/**
 * A simulated clock for running real code against real stand-ins: time advances only when every
 * running task waits on a virtual timer, never while real I/O (a DynamoDB, SES or SNS call over
 * loopback) is in flight. So concurrent invocations interleave as their sleeps and timeouts say,
 * and a simulated week runs in seconds.
 */

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

export interface VirtualClock {
  /** Simulated epoch ms. */
  now(): number;
  /** Resolves after `ms` simulated milliseconds. */
  sleep(ms: number): Promise<void>;
  /** Runs `fire` at simulated time `at` (or now, if that has passed). */
  at(at: number, fire: () => void): void;
  /** Marks `work` as real I/O: the clock holds still until it settles. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Advances through every timer until none is left and nothing is in flight. */
  run(): Promise<void>;
}

/** @example const clock = createVirtualClock(Date.parse('2026-12-01T00:00:00Z')); */
export function createVirtualClock(start: number): VirtualClock {
  let now = start;
  let seq = 0;
  let inFlight = 0;
  let settled: (() => void) | undefined;
  const timers: Timer[] = [];

  const at = (time: number, fire: () => void) => {
    const timer = { at: Math.max(time, now), seq: seq++, fire };
    const index = timers.findIndex((t) => t.at > timer.at);
    timers.splice(index === -1 ? timers.length : index, 0, timer);
  };

  /** Waits until no real I/O is in flight and the callbacks it released have run. */
  async function quiet(): Promise<void> {
    for (;;) {
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          settled = resolve;
        });
        continue;
      }
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      if (inFlight === 0) return;
    }
  }

  return {
    now: () => now,
    sleep: (ms) => new Promise((resolve) => at(now + Math.max(0, ms), resolve)),
    at,
    async track(work) {
      inFlight++;
      try {
        return await work;
      } finally {
        inFlight--;
        if (inFlight === 0) settled?.();
      }
    },
    async run() {
      for (;;) {
        await quiet();
        const next = timers.shift();
        if (!next) return;
        now = Math.max(now, next.at);
        next.fire();
      }
    },
  };
}
