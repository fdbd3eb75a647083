/** Emails built by hand for the transport suites (they do not depend on the renderer). */
import type { Finding, Resource } from '../../../functions/core/finding/model.js';
import type { Email } from '../../../functions/core/render/email.js';

export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    format: 'asff',
    key: 'arn:aws:securityhub:us-east-1::product/aws/securityhub/arn:aws:securityhub:us-east-1:111122223333:subscription/cis/3.4/finding/1',
    id: 'arn:aws:securityhub:us-east-1:111122223333:subscription/cis/3.4/finding/1',
    productArn: 'arn:aws:securityhub:us-east-1::product/aws/securityhub',
    productName: 'Security Hub',
    title: '3.4 Ensure a log metric filter and alarm exist for IAM policy changes',
    description: 'Real-time monitoring of API calls can be achieved by directing CloudTrail Logs to CloudWatch Logs.',
    severity: 'MEDIUM',
    accountId: '111122223333',
    region: 'us-east-1',
    partition: 'aws',
    types: ['Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark'],
    resources: [resource(0)],
    recordState: 'ACTIVE',
    vulnerabilities: [],
    evidence: [],
    consoleUrl:
      'https://console.aws.amazon.com/securityhub/home?region=us-east-1#/findings?search=Id%3D%255Coperator%255C%253AEQUALS%255C%253A1',
    ...overrides,
  };
}

export function resource(index: number): Resource {
  return { type: 'AwsAccount', id: `AWS::::Account:${String(index).padStart(12, '0')}`, region: 'us-east-1', tags: {}, details: [] };
}

export function sampleEmail(overrides: Partial<Omit<Email, 'notification'>> = {}, finding: Finding = sampleFinding()): Email {
  return {
    subject: `[${finding.severity}] ${finding.title}`,
    html: `<html><body><h1>${finding.title}</h1><p>${finding.description}</p></body></html>`,
    text: `${finding.title}\n\n${finding.description}\n`,
    headers: {
      'X-SecurityHub-Severity': finding.severity,
      'X-SecurityHub-Account': finding.accountId,
      'X-SecurityHub-Finding-Id': 'finding-1',
    },
    notification: { kind: 'finding', finding, trigger: { eventId: 'event-1', detailType: 'Security Hub Findings - Imported' } },
    ...overrides,
  };
}
