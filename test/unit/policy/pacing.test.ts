import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratePerSecond, sendDelays, sendOffsets } from '../../../functions/core/policy/pacing.js';

describe('pacing', () => {
  it('spaces SNS sends 100 ms apart, the first at once', () => {
    expect(sendDelays(4, 10)).toEqual([0, 100, 100, 100]);
    expect(sendDelays(0, 10)).toEqual([]);
  });

  it('needs no wait for an unlimited transport', () => {
    expect(sendDelays(3, ratePerSecond('file', undefined))).toEqual([0, 0, 0]);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => sendDelays(1, 0)).toThrow(RangeError);
  });

  it('caps SNS at 10 a second and defaults SES to the sandbox rate', () => {
    expect(ratePerSecond('sns', 50)).toBe(10);
    expect(ratePerSecond('sns', undefined)).toBe(10);
    expect(ratePerSecond('ses', undefined)).toBe(1);
    expect(ratePerSecond('ses', 14)).toBe(14);
  });

  it('never puts more than the rate into any one-second window, and waits at most 1 ms longer than needed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0.1, max: 200, noNaN: true }), (count, rate) => {
        const offsets = sendOffsets(count, rate);
        const delays = sendDelays(count, rate);
        expect(delays.every((d) => d >= 0)).toBe(true);
        expect(delays.reduce((a, b) => a + b, 0)).toBe(offsets.at(-1) ?? 0);
        const whole = rate >= 1 ? Math.floor(rate) : rate;
        offsets.forEach((start, i) => {
          expect(offsets.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(Math.max(Math.floor(whole), 1));
          expect(start).toBeLessThanOrEqual((i * 1000) / whole + 1);
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
