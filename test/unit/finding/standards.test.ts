/** Standards by name, for every era of standards ARN and id; subjects that name the control once. */
import { describe, expect, it } from 'vitest';
import { standardName } from '../../../functions/core/finding/standards.js';
import { titleNamesControl } from '../../../functions/core/render/subject-view.js';

describe('standardName', () => {
  it.each([
    ['arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0', 'CIS AWS Foundations Benchmark v1.2.0'],
    ['arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0', 'CIS AWS Foundations Benchmark v1.4.0'],
    ['arn:aws:securityhub:::standards/aws-foundational-security-best-practices/v/1.0.0', 'AWS Foundational Security Best Practices v1.0.0'],
    ['standards/aws-foundational-security-best-practices/v/1.0.0', 'AWS Foundational Security Best Practices v1.0.0'],
    ['ruleset/cis-aws-foundations-benchmark/v/1.2.0', 'CIS AWS Foundations Benchmark v1.2.0'],
    ['standards/nist-800-53/v/5.0.0', 'NIST SP 800-53 Rev. 5'],
    ['arn:aws-us-gov:securityhub:us-gov-west-1::standards/pci-dss/v/3.2.1', 'PCI DSS v3.2.1'],
    ['standards/aws-resource-tagging-standard/v/1.0.0', 'AWS Resource Tagging Standard v1.0.0'],
    ['standards/some-new-standard/v/2.0.0', 'Some New Standard v2.0.0'],
    ['CIS-1.5', 'CIS-1.5'],
    ['CIS AWS Foundations Benchmark v3.0.0', 'CIS AWS Foundations Benchmark v3.0.0'],
    ['standards/constructor/v/1.0.0', 'Constructor v1.0.0'],
  ])('%s -> %s', (id, name) => {
    expect(standardName(id)).toBe(name);
  });
});

describe('titleNamesControl', () => {
  it.each([
    ['[X.3] Title', 'X.3', true],
    ['EC2.7 EBS default encryption should be enabled', 'EC2.7', true],
    ['S3.1: block public access', 'S3.1', true],
    ['3.4 Ensure a log metric filter', 'CIS.3.4', true],
    ['Ensure TLS 1.3 is used', '1.3', false],
    ['IAM.10 Password policies', 'IAM.1', false],
    ['S3 buckets should block public access', 'S3.8', false],
  ])('%j names %s: %s', (title, control, expected) => {
    expect(titleNamesControl(title, control)).toBe(expected);
  });
});
