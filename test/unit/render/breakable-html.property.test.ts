/** `breakableHtml`'s one-pass scan gives exactly what the regex definition of a long run gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakableHtml, escapeHtml, LONG_RUN } from '../../../functions/core/render/template-runtime.js';

/** The reference: every run of LONG_RUN or more printable ASCII characters found by a regex. */
function reference(text: string): string {
  const runs = new RegExp(`[\\x21-\\x7e]{${LONG_RUN},}`, 'g');
  let out = '';
  let last = 0;
  for (const match of text.matchAll(runs)) {
    // A run alone is what breakableHtml makes of it: escapeHtml with <wbr> inside, never at its ends.
    out += escapeHtml(text.slice(last, match.index)) + breakableHtml(match[0]);
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

const pieces = fc.constantFrom('arn:aws:securityhub:us-east-1:111122223333:', 'a', ' ', '日本', '<&>"\'', '/', 'x'.repeat(30), '\n', '=');

describe('breakableHtml', () => {
  it('matches the regex definition for any mix of long runs, prose, markup and CJK', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(breakableHtml(text)).toBe(reference(text));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('breaks a long ARN after its separators and leaves prose alone', () => {
    expect(breakableHtml('arn:aws:securityhub:us-east-1:111122223333:x')).toBe(
      'arn:aws:<wbr>securityhub:<wbr>us-east-<wbr>1:111122223333:<wbr>x',
    );
    expect(breakableHtml('a sentence of short words that is long')).toBe('a sentence of short words that is long');
  });
});
