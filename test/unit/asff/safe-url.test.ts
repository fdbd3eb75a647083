import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeUrl, safeUrls } from '../../../functions/core/finding/safe-url.js';

/** Strings made of the characters that break out of HTML attributes and lines. */
const hostile = fc.string({ unit: fc.constantFrom("'", '"', '<', '>', ' ', '\t', '\n', '\r', '`', '\u0000', 'a', '/', '%') });

describe('safeUrl', () => {
  it.each([
    ['https://docs.aws.amazon.com/securityhub/', 'https://docs.aws.amazon.com/securityhub/'],
    ['http://example.com/a?b=c#d', 'http://example.com/a?b=c#d'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
    ['https://example.com/a b', 'https://example.com/a%20b'],
    ["https://example.com/it's#'x'", 'https://example.com/it%27s#%27x%27'],
  ])('keeps %j as %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'mailto:a@example.com',
    '/relative/path',
    '//example.com/protocol-relative',
    'example.com',
    'https://docs.aws.amazon.com@evil.example/',
    'https://user:pass@example.com/',
    '',
    '   ',
  ])('refuses %j', (input) => {
    expect(safeUrl(input)).toBeUndefined();
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.com']]) expect(safeUrl(value)).toBeUndefined();
  });

  it('returns only http(s) URLs whose text has no quote, angle bracket, space or control character, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          hostile.map((s) => `https://example.com/${s}`),
          hostile.map((s) => `https://example.com/?q=${s}#${s}`),
        ),
        (input) => {
          const out = safeUrl(input);
          if (out === undefined) return;
          expect(out).toMatch(/^https?:\/\//);
          expect(out).not.toMatch(/["'<>\s\p{Cc}]/u);
        },
      ),
    );
  });

  it("gives the same URL when applied again (the renderer applies it to the model's URLs as a last gate)", () => {
    let kept = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          hostile.map((s) => `https://example.com/${s}`),
        ),
        (input) => {
          const once = safeUrl(input);
          if (once === undefined) return;
          kept++;
          expect(safeUrl(once)).toBe(once);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
    // Most inputs are URLs the gate keeps, so the property was checked, not skipped.
    expect(kept).toBeGreaterThan(250);
  });

  it('answers the same on every call, remembered or not (the memo is invisible)', () => {
    const long = `https://example.com/${'a'.repeat(3000)}`;
    for (const value of ['https://example.com/x', 'javascript:alert(1)', ' https://user:pw@example.com/ ', long, '']) {
      const first = safeUrl(value);
      expect([safeUrl(value), safeUrl(value)]).toEqual([first, first]);
    }
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(long)).toBe(long);
    // More distinct values than the memo holds: it starts over, answers stay right.
    for (let i = 0; i < 1_200; i++) expect(safeUrl(`https://example.com/${i}`)).toBe(`https://example.com/${i}`);
  });

  it('safeUrls keeps the safe ones, in order, once', () => {
    expect(safeUrls(['javascript:x', 'https://a.example/', 'https://b.example/', 'https://a.example/'])).toEqual([
      'https://a.example/',
      'https://b.example/',
    ]);
  });
});
