/**
 * A pure send schedule that keeps to a transport's rate (SNS email: 10 a second per endpoint;
 * SES: the account's sending rate). The adapter sleeps the given delay before each send.
 */

/** Default sends per second: SNS's per-endpoint email limit, SES's sandbox rate; the file outbox and memory need none. */
export const DEFAULT_RATE: Readonly<Record<'sns' | 'ses' | 'file' | 'memory', number>> = {
  sns: 10,
  ses: 1,
  file: Number.POSITIVE_INFINITY,
  memory: Number.POSITIVE_INFINITY,
};

/**
 * Milliseconds to wait before each of `count` sends, so that no window of one second holds more
 * than `perSecond` sends (rounded down to a whole number when it is 1 or more). The first send goes
 * at once; the offsets from the start are `ceil(i * 1000 / rate)`.
 *
 * @example
 * sendDelays(4, 10) // [0, 100, 100, 100]
 * sendDelays(3, 3) // [0, 334, 333]
 */
export function sendDelays(count: number, perSecond: number): number[] {
  if (!(perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${perSecond}`);
  const offsets = sendOffsets(count, perSecond);
  return offsets.map((offset, i) => offset - (i === 0 ? 0 : (offsets[i - 1] ?? 0)));
}

/**
 * Milliseconds from the start at which each send may go.
 *
 * @example
 * sendOffsets(3, 2) // [0, 500, 1000]
 */
export function sendOffsets(count: number, perSecond: number): number[] {
  if (!Number.isFinite(perSecond)) return Array.from({ length: count }, () => 0);
  const rate = perSecond >= 1 ? Math.floor(perSecond) : perSecond;
  return Array.from({ length: count }, (_, i) => Math.ceil((i * 1000) / rate));
}

/**
 * The rate to keep: the configured one, else the transport's default; SNS never above 10.
 *
 * @example
 * ratePerSecond('sns', 50) // 10
 * ratePerSecond('ses', undefined) // 1
 */
export function ratePerSecond(transport: keyof typeof DEFAULT_RATE, configured: number | undefined): number {
  const rate = configured ?? DEFAULT_RATE[transport];
  return transport === 'sns' ? Math.min(rate, DEFAULT_RATE.sns) : rate;
}
