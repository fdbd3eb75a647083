/**
 * The facts a responder opens the email for (issue classes 2-4): the resource setting the control
 * checks and the AWS Config annotation, what an exposure finding is made of, and what people triage
 * vulnerabilities by; each read from the HTML and from the text body.
 */
import { describe, expect, it } from 'vitest';
import { JA } from './compiled.js';
import { emailOf, section, textSection } from './fixture-emails.js';

describe('resource details: the setting the control checks, never cut', () => {
  it.each([
    ['fixtures/facts/rds-2-publicly-accessible-last-config-annotation-bare.json', 'PubliclyAccessible: true'],
    ['fixtures/facts/ocsf-ec2-8-http-tokens-late-field.json', 'MetadataOptions.HttpTokens: optional'],
    ['fixtures/facts/ec2-19-open-rule-after-200-rules-bare.json', 'IpPermissions[200].IpRanges[0].CidrIp: 0.0.0.0/0'],
    ['fixtures/real/securityhub-cis120-custom-action-2019-legacy-event.json', 'logFileValidationEnabled: true'],
  ])('%s shows %j', (fixture, deciding) => {
    const email = emailOf(fixture);
    expect(textSection(email.text, 'Resources').some((line) => line.includes(deciding))).toBe(true);
    expect(section(email.$, 'Resources')).toContain(deciding);
  });

  it("shows the AWS Config rule's annotation", () => {
    const email = emailOf('fixtures/facts/rds-2-publicly-accessible-last-config-annotation-bare.json');
    const annotation = 'The RDS DB instance is publicly accessible: PubliclyAccessible is true.';
    expect(textSection(email.text, 'AWS Config says')).toEqual([annotation]);
    expect(section(email.$, 'AWS Config says')).toContain(annotation);
    expect(
      section(emailOf('fixtures/facts/rds-2-publicly-accessible-last-config-annotation-bare.json', JA).$, 'AWS Config の評価'),
    ).toContain(annotation);
  });
});

describe('findings built from other findings list what they are made of', () => {
  it('the exposure finding (AWS docs sample): CVE, control ids, titles and traits', () => {
    const email = emailOf('fixtures/real/securityhubv2-exposure-finding-lambda-docs.json');
    const lines = textSection(email.text, 'What this finding is made of');
    expect(lines).toContain('- CVE-2023-33246 - org.apache.rocketmq:rocketmq-controller');
    expect(lines).toContain('- Lambda.1 Lambda function policies should prohibit public access');
    expect(lines).toContain('- Lambda.3 Lambda functions should be in a VPC');
    expect(lines).toContain('  Reachability: Publicly Invocable');
    const items = email
      .$('h2:contains("What this finding is made of") ~ ul li span:first-child')
      .map((_, el) => email.$(el).text())
      .get();
    expect(items).toEqual([
      'CVE-2023-33246 - org.apache.rocketmq:rocketmq-controller',
      'Lambda.1 Lambda function policies should prohibit public access',
      'Lambda.3 Lambda functions should be in a VPC',
    ]);
  });

  it('a GuardDuty attack sequence: its signals with title, kind and indicators', () => {
    const email = emailOf('fixtures/facts/guardduty-attack-sequence-signals-bare.json');
    const lines = textSection(email.text, 'What this finding is made of');
    expect(lines).toContain('- Credentials used from a new ASN');
    expect(lines).toContain('  CLOUD_TRAIL, CloudTrail; High risk API: CopyObject, PutBucketPolicy');
    expect(section(email.$, 'What this finding is made of')).toContain('Attack tactic: Initial Access');
  });

  it('ASFF RelatedFindings: the control id of the related finding', () => {
    const email = emailOf('fixtures/facts/guardduty-port-probe-action-account-name-bare.json');
    expect(textSection(email.text, 'What this finding is made of')[0]).toBe('- EC2.19');
    expect(section(email.$, 'What this finding is made of')).toContain('security-control/EC2.19/finding/7f6e5d4c');
  });
});

describe('vulnerabilities: what people triage by, and lists that say what they left out', () => {
  it('ASFF (Inspector): exploit, fix, EPSS, related ids, the advisory link, the fix command, +N more', () => {
    const email = emailOf('fixtures/facts/inspector-exploit-epss-advisory-many-packages-bare.json');
    const lines = textSection(email.text, 'Vulnerabilities').map((line) => line.trim());
    for (const expected of [
      'Exploit available: Yes',
      'Fix available: Yes',
      'EPSS: 97.2% (0.97231)',
      'yum update libfoo0',
      'ALAS2-2025-2701',
      'CVE-2025-12346',
      'https://alas.aws.amazon.com/AL2/ALAS2-2025-2701.html',
      '+2 more',
      '+5 more',
    ]) {
      expect(lines).toContain(expected);
    }
    const html = section(email.$, 'Vulnerabilities');
    expect(html).toContain('Exploit available: Yes');
    expect(html).toContain('EPSS: 97.2% (0.97231)');
    expect(html).toContain('Vendor advisory (Amazon Linux):');
    expect(email.$('a[href="https://alas.aws.amazon.com/AL2/ALAS2-2025-2701.html"]').length).toBe(1);
    expect(html.match(/\+\d+ more/g)).toEqual(['+2 more', '+2 more', '+5 more']);
  });

  it('OCSF: is_exploit_available, cve.epss, related_vulnerabilities, remediation', () => {
    const email = emailOf('fixtures/facts/ocsf-vulnerability-exploit-epss-related.json');
    const lines = textSection(email.text, 'Vulnerabilities').map((line) => line.trim());
    for (const expected of ['Exploit available: Yes', 'EPSS: 42.0% (0.42)', 'CVE-2024-5536', 'apt-get install --only-upgrade openssl']) {
      expect(lines).toContain(expected);
      expect(section(email.$, 'Vulnerabilities')).toContain(expected);
    }
  });
});
