/** Per-fixture facts: what a reader of the email must see, checked against the published samples. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../functions/core/finding/model.js';
import { decodeInput } from '../../../functions/core/input/decode.js';
import { readEvent } from '../../../functions/core/input/read-event.js';
import { readFixture } from '../../support/fixtures.js';

/** Every finding of a fixture, read through decode + readEvent as the pipeline does. */
function findings(name: string): Finding[] {
  return decodeInput(readFixture(name), name).flatMap((event) => {
    const content = readEvent(event, name);
    if (content.kind !== 'findings') throw new Error(`${name}: expected findings`);
    return content.findings.map((r) => {
      if (!r.ok) throw r.error;
      return r.finding;
    });
  });
}

function only(name: string): Finding {
  const [finding, ...rest] = findings(name);
  if (finding === undefined || rest.length > 0) throw new Error(`${name}: expected exactly one finding`);
  return finding;
}

describe('ASFF findings read from real samples', () => {
  it('seed CIS 3.4 event: the facts the Japanese article mails as raw JSON', () => {
    const f = only('fixtures/seed/cis-3.4-imported-event.json');
    const id =
      'arn:aws:securityhub:ap-southeast-2:111122223333:subscription/cis-aws-foundations-benchmark/v/1.2.0/3.4/finding/44b48891-0d82-4c27-b232-62da10c63645';
    expect(f).toMatchObject({
      format: 'asff',
      id,
      key: `arn:aws:securityhub:ap-southeast-2::product/aws/securityhub|${id}`,
      title: '3.4 Ensure a log metric filter and alarm exist for IAM policy changes',
      severity: 'MEDIUM',
      severityScore: 40,
      accountId: '111122223333',
      region: 'ap-southeast-2',
      partition: 'aws',
      productName: 'Security Hub',
      companyName: 'AWS',
      workflowStatus: 'NEW',
      recordState: 'ACTIVE',
      remediation: { url: 'https://docs.aws.amazon.com/console/securityhub/standards-cis-3.4/remediation' },
      compliance: {
        status: 'FAILED',
        controlId: '3.4',
        standards: ['arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0'],
        reasons: [
          {
            code: 'CLOUDTRAIL_MULTI_REGION_NOT_PRESENT',
            description: 'Multi region CloudTrail with the required configuration does not exist in the account',
          },
        ],
      },
      resources: [
        { type: 'AwsAccount', id: 'AWS::::Account:111122223333', region: 'ap-southeast-2', partition: 'aws', tags: {}, details: [] },
      ],
      firstObservedAt: '2020-07-25T07:05:38.190Z',
      lastObservedAt: '2020-07-25T07:06:12.243Z',
    });
    expect(f.consoleUrl).toBe(
      `https://ap-southeast-2.console.aws.amazon.com/securityhub/home?region=ap-southeast-2#/findings?search=Id%3D%255Coperator%255C%253AEQUALS%255C%253A${encodeURIComponent(encodeURIComponent(id))}`,
    );
  });

  it('2019 CIS custom action: no Label, no Workflow, no Region; label, workflow and Region still found', () => {
    const f = only('fixtures/real/securityhub-cis120-custom-action-2019-legacy-event.json');
    expect({
      severity: f.severity,
      score: f.severityScore,
      workflow: f.workflowStatus,
      region: f.region,
      control: f.compliance?.controlId,
    }).toEqual({
      severity: 'INFORMATIONAL',
      score: 0,
      workflow: 'NEW',
      region: 'us-east-1',
      control: '2.2',
    });
    // The control checks log file validation: that setting comes first, whatever its place in Details.
    expect(f.resources[0]?.details[0]).toBe('logFileValidationEnabled: true');
    expect(f.resources[0]?.details.length).toBeLessThanOrEqual(6);
  });

  it('2019 GuardDuty custom action: label only in ProductFields, product and company from ProductFields', () => {
    const f = only('fixtures/real/guardduty-console-login-custom-action-2019-event.json');
    expect([f.severity, f.severityScore, f.title, f.compliance]).toEqual([
      'MEDIUM',
      50,
      'Unusual console login was seen for principal kapil.',
      undefined,
    ]);
    expect(f.resources.map((r) => [r.type, r.id])).toEqual([['AwsIamAccessKey', 'AWS::IAM::AccessKey:null']]);
  });

  it('Cloud Custodian cross-account finding: account from the finding, not the event; label from ProductFields', () => {
    const f = only('fixtures/real/custodian-lambda-finding-custom-action-event.json');
    expect([f.accountId, f.severity, f.severityScore, f.productName]).toEqual(['644160558196', 'LOW', 6, 'Default']);
  });

  it('JFrog Xray: Severity and Types only in FindingProviderFields; SourceUrl kept (https)', () => {
    const all = findings('fixtures/real/jfrog-xray-security-violation-batchimport.json');
    expect(all).toHaveLength(2);
    for (const f of all) {
      expect([f.severity, f.types, f.productName, f.companyName, f.recordState, f.workflowStatus]).toEqual([
        'HIGH',
        ['Software and Configuration Checks/Vulnerabilities/CVE'],
        'xray',
        'jfrog',
        'ACTIVE',
        undefined,
      ]);
      expect(f.sourceUrl).toBe('https://165.225.242.111/ui/watchesNew/edit/SlackTest?activeTab=violations');
      expect(f.vulnerabilities.map((v) => v.id)).toEqual(['CVE-2021-3483']);
      expect(f.vulnerabilities[0]?.cvssScore).toBeUndefined();
    }
    expect(all[0]?.vulnerabilities[0]?.packages).toEqual([
      'debian:buster:linux-libc-dev:4.19.132-1',
      'debian:buster:linux-libc-dev:4.19.132-2',
    ]);
  });

  it('Inspector EC2: CVE with CVSS score and vector, package, fix, reference URLs; redacted account kept as given', () => {
    const [first] = findings('fixtures/real/inspector-ec2-cve-critical-getfindings.json');
    expect(first?.accountId).toBe('XXXXXXXXXXXX');
    expect(first?.vulnerabilities).toEqual([
      {
        id: 'CVE-2022-3643',
        cvssScore: 10,
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
        packages: ['kernel 4.14.301'],
        fixedInVersion: '0:5.10.162-141.675.amzn2',
        fixAvailable: 'YES',
        referenceUrls: [
          'https://xenbits.xenproject.org/xsa/advisory-423.txt',
          'https://lists.debian.org/debian-lts-announce/2022/12/msg00031.html',
          'https://lists.debian.org/debian-lts-announce/2022/12/msg00034.html',
        ],
        vendor: 'NVD',
        advisoryUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2022-3643',
        remediations: ['yum update kernel'],
      },
    ]);
  });

  it('FSBP multiple resources: every resource kept, in order', () => {
    const [ec2, s3] = findings('fixtures/real/securityhub-fsbp-multiple-resources-findings.json');
    expect(ec2?.resources.map((r) => r.type)).toEqual(['AwsEc2SecurityGroup', 'AwsEc2SecurityGroup', 'AwsEc2Vpc']);
    expect(s3?.resources.map((r) => r.id)).toEqual(['arn:aws:s3:::zeta-reports-bucket', 'arn:aws:s3:::alpha-artifacts-bucket']);
  });

  it('Trivy via Postee: Region "" everywhere falls back to the ProductArn Region; account "000000" kept', () => {
    const [f] = findings('fixtures/real/trivy-postee-html-entity-description-findings.json');
    expect([f?.region, f?.accountId, f?.productName, f?.severity]).toEqual(['eu-west-2', '000000', 'aquasecurity', 'CRITICAL']);
    expect(f?.resources[0]?.region).toBeUndefined();
    expect(f?.consoleUrl?.startsWith('https://eu-west-2.console.aws.amazon.com/')).toBe(true);
  });

  it('consolidated IAM.4: control from SecurityControlId, both associated standards, PASSED and RESOLVED', () => {
    const f = only('fixtures/real/securityhub-consolidated-iam4-passed-auditmanager-docs.json');
    expect(f.compliance).toEqual({
      status: 'PASSED',
      controlId: 'IAM.4',
      standards: ['ruleset/cis-aws-foundations-benchmark/v/1.2.0', 'standards/aws-foundational-security-best-practices/v/1.0.0'],
      relatedRequirements: ['CIS AWS Foundations Benchmark v1.2.0/1.12'],
      reasons: [],
    });
    expect([f.workflowStatus, f.region]).toEqual(['RESOLVED', 'us-west-2']);
  });

  it('custom action with 2 findings (CIS 1.6): both read, each with its Note', () => {
    const all = findings('fixtures/real/securityhub-cis120-custom-action-two-findings-event.json');
    expect(all.map((f) => [f.compliance?.status, f.workflowStatus])).toEqual([
      ['WARNING', 'NEW'],
      ['PASSED', 'RESOLVED'],
    ]);
    for (const f of all) expect(f.note?.text).toEqual(expect.any(String));
  });

  it('GuardDuty with a malformed ARN (arn:aws::securityhub:...): Region from the finding data, not "securityhub"', () => {
    const f = only('fixtures/real/guardduty-ssh-bruteforce-docs.json');
    expect([f.region, f.partition]).toEqual(['us-east-1', 'aws']);
  });

  it('Trivy secrets: no Remediation gives no remediation', () => {
    for (const f of findings('fixtures/real/trivy-secrets-no-remediation-findings.json')) expect(f.remediation).toBeUndefined();
  });
});
