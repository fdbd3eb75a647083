/** strictEncode's fast paths give exactly what the full replacement chain gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strictEncode } from '../../../functions/core/finding/console-link.js';

function reference(text: string): string {
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const piece = fc.constantFrom('a', '/', ':', '!', "'", '(', ')', '*', ' ', '日本', '😀', '\ud800', '\udc00', '%', '=');

describe('strictEncode', () => {
  it('equals the full replacement chain for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(piece).map((p) => p.join('')),
        ),
        (text) => {
          expect(strictEncode(text)).toBe(reference(text));
        },
      ),
      { seed: 42, numRuns: 3000 },
    );
  });
});
