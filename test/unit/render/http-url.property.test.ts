/** `httpUrl` agrees with its definition: the pattern, a full WHATWG parse and an http(s) scheme. (`URL.canParse` does not: on Node 20 it rejects `http://é`.) */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpUrl } from '../../../functions/core/render/http-url.js';

// The gate as first written: the pattern, then a full parse and a scheme check (the reference).
function reference(url: string): string | undefined {
  if (!/^https?:\/\/[^\s"'<>\\]+$/i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

// URLs, near-URLs, and pieces the WHATWG parser rejects (bad ports, hosts, percent signs).
const piece = fc.constantFrom(
  'http://',
  'HTTPS://',
  'https://',
  'a',
  'example.com',
  ':',
  ':99999',
  ':80',
  '@',
  '[',
  ']',
  '%',
  '%zz',
  '/',
  '?q=1',
  '#x',
  '.',
  '..',
  'xn--',
  '\u00e9',
  ' ',
  '"',
  '\\',
);
const candidate = fc.oneof(
  fc.webUrl(),
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 30 }),
);

describe('httpUrl', () => {
  it('equals the full parse for any string', () => {
    fc.assert(
      fc.property(candidate, (url) => {
        expect(httpUrl(url)).toBe(reference(url));
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('keeps http(s) URLs and drops the rest', () => {
    expect(httpUrl('https://console.aws.amazon.com/securityhub/')).toBe('https://console.aws.amazon.com/securityhub/');
    expect(httpUrl('https://a:99999/')).toBeUndefined();
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl(undefined)).toBeUndefined();
  });
});
