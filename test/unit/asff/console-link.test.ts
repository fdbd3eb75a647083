import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingConsoleUrl, securityHubHome } from '../../../functions/core/finding/console-link.js';

const SEARCH = '#/findings?search=Id%3D%255Coperator%255C%253AEQUALS%255C%253A';

describe('console links', () => {
  it.each([
    ['aws', 'us-east-1', 'https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1'],
    ['aws-cn', 'cn-northwest-1', 'https://cn-northwest-1.console.amazonaws.cn/securityhub/home?region=cn-northwest-1'],
    ['aws-us-gov', 'us-gov-east-1', 'https://us-gov-east-1.console.amazonaws-us-gov.com/securityhub/home?region=us-gov-east-1'],
    ['aws-iso', 'us-iso-east-1', 'https://us-iso-east-1.console.c2s.ic.gov/securityhub/home?region=us-iso-east-1'],
    ['aws-iso-b', 'us-isob-east-1', 'https://us-isob-east-1.console.sc2s.sgov.gov/securityhub/home?region=us-isob-east-1'],
  ])('%s / %s: the console host of the partition, Region in host and query', (partition, region, expected) => {
    expect(securityHubHome(partition, region)).toBe(expected);
  });

  // No known console: no link at all, never the commercial console of another cloud.
  // A partition read from a finding never reaches Object.prototype's members.
  it.each([
    ['aws-eusc', 'eusc-de-east-1'],
    ['aws-iso-f', 'us-isof-south-1'],
    ['aws-unknown', 'eu-west-1'],
    ['constructor', 'eu-west-1'],
    ['__proto__', 'eu-west-1'],
  ])('%s / %s: no console link', (partition, region) => {
    expect(securityHubHome(partition, region)).toBeUndefined();
    expect(findingConsoleUrl(partition, region, 'x')).toBeUndefined();
  });

  it('double URL-encodes the finding Id in the search, as the console writes it', () => {
    const id = 'arn:aws:securityhub:us-east-1:123456789012:subscription/cis-aws-foundations-benchmark/v/1.2.0/2.2/finding/c82767be';
    expect(findingConsoleUrl('aws', 'us-east-1', id)).toBe(
      `https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1${SEARCH}arn%253Aaws%253Asecurityhub%253Aus-east-1%253A123456789012%253Asubscription%252Fcis-aws-foundations-benchmark%252Fv%252F1.2.0%252F2.2%252Ffinding%252Fc82767be`,
    );
  });

  it.each(['', 'securityhub', 'test-region', 'us-east-1.evil.example/', 'us-east-1#', 'US-EAST-1'])(
    'leaves a malformed Region %j out of the URL',
    (region) => {
      const url = findingConsoleUrl('aws', region, 'x');
      expect(url).toBe(`https://console.aws.amazon.com/securityhub/home${SEARCH}x`);
    },
  );

  it('does not throw for an Id with a lone surrogate (JSON allows one)', () => {
    expect(findingConsoleUrl('aws', 'eu-west-1', 'a\uD800b')).toMatch(/a%25EF%25BF%25BDb$/);
  });

  it('keeps any Id inside the search: no quote, bracket, space or #, and it decodes back twice', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (id) => {
        const url = findingConsoleUrl('aws', 'eu-west-1', id) ?? '';
        expect(url.startsWith(`https://eu-west-1.console.aws.amazon.com/securityhub/home?region=eu-west-1${SEARCH}`)).toBe(true);
        const tail = url.slice(url.indexOf(SEARCH) + SEARCH.length);
        expect(tail).not.toMatch(/["'<>()\s#?&]/);
        expect(decodeURIComponent(decodeURIComponent(tail))).toBe(id);
      }),
    );
  });
});
