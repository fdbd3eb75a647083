import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlIdFromGenerator } from '../../../functions/core/asff/compliance.js';
import { asffResources, DETAIL_LINE_LENGTH, DETAIL_LINES, summarizeDetails } from '../../../functions/core/asff/resources.js';

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

  it('shows the setting a control checks, however many fields come before it (RDS.2, EC2.8, EC2.19)', () => {
    const filler = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`Field${i}`, `value ${i}`]));
    const rds = { AwsRdsDbInstance: { ...filler, DbInstanceClass: 'db.t3.micro', PubliclyAccessible: true } };
    const ec2 = { AwsEc2Instance: { ...filler, MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'optional' } } };
    const rules = Array.from({ length: 300 }, (_, i) => ({
      IpProtocol: 'tcp',
      FromPort: i,
      ToPort: i,
      IpRanges: [{ CidrIp: '10.0.0.0/8' }],
    }));
    rules.push({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
    const sg = { AwsEc2SecurityGroup: { GroupName: 'web', IpPermissions: rules } };

    expect(summarizeDetails(rds, 'RDS DB instances should prohibit public access')[0]).toBe('PubliclyAccessible: true');
    expect(summarizeDetails(ec2, 'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)')).toContain(
      'MetadataOptions.HttpTokens: optional',
    );
    expect(summarizeDetails(sg, 'Security groups should not allow unrestricted access to ports with high risk')[0]).toBe(
      'IpPermissions[300].IpRanges[0].CidrIp: 0.0.0.0/0',
    );
  });

  it('keeps the finding order when nothing stands out and all lines fit', () => {
    expect(summarizeDetails({ Other: { a: '1', b: '2' } })).toEqual(['a: 1', 'b: 2']);
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
