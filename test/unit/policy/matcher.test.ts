import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../functions/core/finding/model.js';
import { matches } from '../../../functions/core/policy/matcher.js';
import type { Matcher } from '../../../functions/core/policy/policy-config.js';
import { arbFinding } from './arbitraries.js';
import { aFinding } from './builder.js';

const tagged = aFinding({
  severity: 'HIGH',
  resources: [
    { type: 'AwsS3Bucket', id: 'a', tags: { owner: 'alice', env: 'prod' }, details: [] },
    { type: 'AwsEc2Instance', id: 'b', tags: { owner: 'bob' }, details: [] },
  ],
});

describe('matches', () => {
  it('matches every finding with an empty matcher', () => {
    expect(matches(tagged, {})).toBe(true);
  });

  it.each<[string, Matcher, boolean]>([
    ['account in list', { accounts: ['000000000000', '111122223333'] }, true],
    ['account not in list', { accounts: ['000000000000'] }, false],
    ['region', { regions: ['ap-northeast-1'] }, false],
    ['product', { products: ['Security Hub'] }, true],
    ['severity list', { severities: ['CRITICAL'] }, false],
    ['minSeverity at the edge', { minSeverity: 'HIGH' }, true],
    ['minSeverity above', { minSeverity: 'CRITICAL' }, false],
    ['control', { controls: ['S3.1'] }, true],
    ['resource type of the second resource', { resourceTypes: ['AwsEc2Instance'] }, true],
    ['tag value', { resourceTags: { owner: 'bob' } }, true],
    ['tag value list', { resourceTags: { owner: ['carol', 'alice'] } }, true],
    ['all tags on one resource', { resourceTags: { owner: 'alice', env: 'prod' } }, true],
    ['tags split across resources do not match', { resourceTags: { owner: 'bob', env: 'prod' } }, false],
    ['missing tag', { resourceTags: { team: 'x' } }, false],
    ['every field must match', { accounts: ['111122223333'], severities: ['LOW'] }, false],
  ])('%s', (_name, matcher, expected) => {
    expect(matches(tagged, matcher)).toBe(expected);
  });

  it('does not match a finding without compliance on a control matcher', () => {
    const { compliance: _, ...withoutCompliance } = aFinding();
    expect(matches(withoutCompliance, { controls: ['S3.1'] })).toBe(false);
  });

  it('never matches more when a field is added (property)', () => {
    let matched = 0;
    const arbMatcher: fc.Arbitrary<Matcher> = fc.record(
      {
        accounts: fc.constant<string[]>(['111122223333']),
        severities: fc.subarray<Severity>(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], { minLength: 1 }),
        minSeverity: fc.constantFrom<Severity>('LOW', 'HIGH'),
        controls: fc.constant<string[]>(['S3.1']),
        resourceTags: fc.constant<Record<string, string>>({ owner: 'alice' }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        arbFinding,
        arbMatcher,
        fc.constantFrom<Matcher>({ regions: ['us-east-1'] }, { products: ['GuardDuty'] }),
        (finding, matcher, extra) => {
          if (!matches(finding, { ...matcher, ...extra })) return;
          matched++;
          expect(matches(finding, matcher)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
    // Some runs match with the extra field, so the property was checked, not skipped.
    expect(matched).toBeGreaterThan(0);
  });
});
