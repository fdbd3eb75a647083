/** The cleaners' fast paths give exactly what the full chain of replacements gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanShort, cleanText, shorten } from '../../../functions/core/render/clean-text.js';

// The cleaners as first written: every replacement applied to every value (the reference).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const referenceLine = (v: string) =>
  v
    .replace(LONE, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(HIDDEN, '')
    .replace(/[\t\n\u2028\u2029]+/g, ' ')
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .trim();
const referenceText = (v: string) =>
  v
    .replace(LONE, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(HIDDEN, '')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

// Plain text, plus every character class the cleaners treat specially.
const special = fc.constantFrom(
  ...' \t\n\r\u0000\u0007\u001b\u007f\u0085\u00a0\u1680\u2000\u200b\u200e\u2028\u2029\u202a\u202e\u2066\u2069\u3000\ufeff\ud800\udc00'.split(
    '',
  ),
  '\ud83d\ude00',
  'a',
  '日本',
  '  ',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(special, { maxLength: 30 }).map((parts) => parts.join('')),
);

describe('cleanLine / cleanText fast paths', () => {
  it('equal the full replacement chain for any string', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(cleanLine(value)).toBe(referenceLine(value));
        expect(cleanText(value)).toBe(referenceText(value));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('cleanShort cleans only a bounded prefix of a huge value and marks it shortened', () => {
    const huge = `${'word '.repeat(200_000)}END`;
    const cut = cleanShort(huge, 100, cleanText);
    expect(cut.shortened).toBe(true);
    expect(Array.from(cut.text).length).toBeLessThanOrEqual(100);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cleanShort('a\u200bb', 10, cleanLine)).toEqual({ text: 'ab', shortened: false });
  });

  it('shorten equals cutting an array of code points (Array.from), for any string and limit', () => {
    const reference = (value: string, max: number) => {
      const chars = Array.from(value);
      if (chars.length <= max) return { text: value, shortened: false };
      return {
        text: `${chars
          .slice(0, Math.max(0, max - 1))
          .join('')
          .trimEnd()}…`,
        shortened: true,
      };
    };
    fc.assert(
      fc.property(text, fc.nat(45), (value, max) => {
        expect(shorten(value, max)).toEqual(reference(value, max));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('shorten counts code points: an emoji is one character, a cut ends with an ellipsis', () => {
    expect(shorten('😀😀😀', 3)).toEqual({ text: '😀😀😀', shortened: false });
    expect(shorten('abcdef', 4)).toEqual({ text: 'abc…', shortened: true });
  });
});
