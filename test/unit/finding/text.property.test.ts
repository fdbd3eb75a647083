/** clipLine's fast path gives exactly what the full replacement chain gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipLine } from '../../../functions/core/finding/text.js';

function reference(value: string, max: number): string {
  const line = value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

const piece = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u3000',
  'a',
  'bc',
  '日本',
  '😀',
  '\ud800',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(piece, { maxLength: 25 }).map((p) => p.join('')),
);

describe('clipLine', () => {
  it('equals the full replacement chain for any string and limit', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 20 }), (value, max) => {
        expect(clipLine(value, max)).toBe(reference(value, max));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
});
