import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlIdFromGenerator } from '../../../functions/core/asff/compliance.js';
import { asffResources, DETAIL_LINE_LENGTH, DETAIL_LINES, summarizeDetails } from '../../../functions/core/asff/resources.js';
import { clipLine } from '../../../functions/core/finding/text.js';

describe('summarizeDetails', () => {
  it('writes scalar leaves as `key: value`, keys relative to the resource-type object, arrays indexed', () => {
    const details = {
      AwsEc2Instance: { Type: 't2.micro', IpV4Addresses: ['10.0.0.1', '54.1.2.3'], Empty: '', Nothing: null, Nested: { Deep: true } },
    };
    expect(summarizeDetails(details)).toEqual([
      'Type: t2.micro',
      'IpV4Addresses[0]: 10.0.0.1',
      'IpV4Addresses[1]: 54.1.2.3',
      'Nested.Deep: true',
    ]);
  });

  it(`keeps at most ${DETAIL_LINES} lines of at most ${DETAIL_LINE_LENGTH} characters`, () => {
    const other = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'x'.repeat(500)]));
    const lines = summarizeDetails({ Other: other });
    expect(lines).toHaveLength(DETAIL_LINES);
    for (const line of lines) expect([line.length, line.endsWith('…')]).toEqual([DETAIL_LINE_LENGTH, true]);
  });

  it('stays bounded and single-line for any JSON, however deep or hostile', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 12 })), (details) => {
        const lines = summarizeDetails(details);
        expect(lines.length).toBeLessThanOrEqual(DETAIL_LINES);
        for (const line of lines) {
          expect(Array.from(line).length).toBeLessThanOrEqual(DETAIL_LINE_LENGTH);
          expect(line).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
        }
      }),
    );
  });

  it('gives what walking every entry up front gives (the walk stops building keys once the lines are full)', () => {
    const eager = (details: Record<string, unknown>): string[] => {
      const lines: string[] = [];
      let visits = 0;
      const walk = (value: unknown, key: string, depth: number): void => {
        if (lines.length >= DETAIL_LINES || visits++ >= 500 || depth > 8) return;
        if (value === null || value === undefined) return;
        if (typeof value === 'object') {
          const entries = Array.isArray(value)
            ? value.map((v, i) => [`${key}[${i}]`, v] as const)
            : Object.entries(value).map(([k, v]) => [key ? `${key}.${k}` : k, v] as const);
          for (const [childKey, child] of entries) walk(child, childKey, depth + 1);
          return;
        }
        const text = String(value);
        if (text.trim() !== '' && key !== '') lines.push(clipLine(`${key}: ${text}`, DETAIL_LINE_LENGTH));
      };
      for (const body of Object.values(details)) walk(body, '', 0);
      return lines;
    };
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 12 })), (details) => {
        expect(summarizeDetails(details)).toEqual(eager(details));
      }),
      { seed: 7, numRuns: 2000 },
    );
    const wide = { Other: { blanks: Array.from({ length: 1_000 }, () => ''), after: 'x' }, Next: { shown: 'no' } };
    expect(summarizeDetails(wide)).toEqual(eager(wide));
    expect(summarizeDetails(wide)).toEqual([]);
  });

  it('does not overflow the stack on very deep nesting', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(summarizeDetails({ Other: deep as Record<string, unknown> })).toEqual([]);
  });
});

describe('asffResources', () => {
  it('keeps type, id, Region, partition and tags; leaves out an empty Region', () => {
    expect(asffResources([{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::b', Partition: 'aws', Region: '', Tags: { team: 'a' } }])).toEqual([
      { type: 'AwsS3Bucket', id: 'arn:aws:s3:::b', partition: 'aws', tags: { team: 'a' }, details: [] },
    ]);
    expect(asffResources(undefined)).toEqual([]);
  });
});

describe('controlIdFromGenerator', () => {
  it.each([
    ['arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/3.4', '3.4'],
    ['security-control/IAM.4', 'IAM.4'],
    ['aws-foundational-security-best-practices/v/1.0.0/CloudTrail.2', 'CloudTrail.2'],
    ['pci-dss/v/3.2.1/PCI.Lambda.2', 'PCI.Lambda.2'],
    ['cis-aws-foundations-benchmark/v/1.4.0/3.7', '3.7'],
    ['arn:aws:guardduty:us-east-1:123456789012:detector/abc', undefined],
    ['Trivy/CVE-2021-36159', undefined],
    [undefined, undefined],
  ])('%s -> %s', (generatorId, expected) => {
    expect(controlIdFromGenerator(generatorId)).toBe(expected);
  });
});
