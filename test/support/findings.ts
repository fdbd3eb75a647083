/**
 * Builders of complete, realistic notifications for tests: `aFinding()` is a failed CIS 3.4 control
 * finding from Security Hub in Tokyo, with every optional part filled; override what a test is about.
 */
import type { Finding, InsightResult, Trigger } from '../../functions/core/finding/model.js';
import type { Notification } from '../../functions/core/policy/notification.js';

const ACCOUNT = '111122223333';
const REGION = 'ap-northeast-1';
const FINDING_ID = `arn:aws:securityhub:${REGION}:${ACCOUNT}:subscription/cis-aws-foundations-benchmark/v/1.2.0/3.4/finding/2b5d2a26-6f3e-4c3a-9d0e-6f1c4f5d9a11`;

/** The console deep link of a finding id (double URL-encoded search, as the console expects). */
export function consoleUrlOf(id: string, region = REGION): string {
  const search = encodeURIComponent(`Id=\\operator\\:EQUALS\\:${id}`);
  return `https://${region}.console.aws.amazon.com/securityhub/home?region=${region}#/findings?search=${encodeURIComponent(search)}`;
}

/** A complete ASFF-derived finding; `overrides` replace top-level fields. */
export function aFinding(overrides: Partial<Finding> = {}): Finding {
  const id = overrides.id ?? FINDING_ID;
  return {
    format: 'asff',
    key: `arn:aws:securityhub:${REGION}::product/aws/securityhub|${id}`,
    id,
    productArn: `arn:aws:securityhub:${REGION}::product/aws/securityhub`,
    productName: 'Security Hub',
    companyName: 'AWS',
    generatorId: 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/3.4',
    title: '3.4 Ensure a log metric filter and alarm exist for IAM policy changes',
    description:
      'Real-time monitoring of API calls can be achieved by directing CloudTrail Logs to CloudWatch Logs and establishing corresponding metric filters and alarms. It is recommended that a metric filter and alarm be established for changes made to Identity and Access Management (IAM) policies.',
    severity: 'MEDIUM',
    severityScore: 40,
    accountId: ACCOUNT,
    region: REGION,
    partition: 'aws',
    types: ['Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark'],
    compliance: {
      status: 'FAILED',
      reasons: [
        {
          code: 'CLOUDWATCH_ALARMS_NOT_PRESENT',
          description: 'CloudWatch alarms do not exist in the account',
        },
        {
          code: 'CLOUDTRAIL_MULTI_REGION_NOT_PRESENT',
          description: 'Multi region CloudTrail with the required configuration does not exist in the account',
        },
      ],
      controlId: 'CIS.3.4',
      standards: ['arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0'],
      relatedRequirements: ['CIS AWS Foundations 3.4'],
    },
    remediation: {
      text: 'For directions on how to fix this issue, please consult the AWS Security Hub CIS documentation.',
      url: 'https://docs.aws.amazon.com/console/securityhub/standards-cis-3.4/remediation',
    },
    resources: [
      {
        type: 'AwsAccount',
        id: `AWS::::Account:${ACCOUNT}`,
        region: REGION,
        partition: 'aws',
        tags: { Environment: 'production' },
        details: [],
      },
      {
        type: 'AwsCloudTrailTrail',
        id: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/management-events`,
        region: REGION,
        partition: 'aws',
        tags: {},
        details: ['IsMultiRegionTrail: false', 'LogFileValidationEnabled: true'],
      },
    ],
    firstObservedAt: '2020-07-25T07:06:00.000Z',
    lastObservedAt: '2020-07-25T07:06:41.000Z',
    createdAt: '2020-07-25T07:06:00.000Z',
    updatedAt: '2020-07-25T07:06:41.000Z',
    workflowStatus: 'NEW',
    recordState: 'ACTIVE',
    note: { text: 'Owned by the platform team; ticket SEC-1234.', updatedBy: 'alice', updatedAt: '2020-07-26T01:00:00.000Z' },
    sourceUrl: 'https://docs.aws.amazon.com/securityhub/latest/userguide/cis-aws-foundations-benchmark.html',
    vulnerabilities: [],
    evidence: [],
    consoleUrl: consoleUrlOf(id),
    ...overrides,
  };
}

/** A critical Inspector package-vulnerability finding (no compliance, with CVEs). */
export function aVulnerabilityFinding(overrides: Partial<Finding> = {}): Finding {
  const id = `arn:aws:inspector2:${REGION}:${ACCOUNT}:finding/5d1f0c1e2f3a4b5c6d7e8f9012345678`;
  const { compliance: _compliance, ...base } = aFinding({
    id,
    key: `arn:aws:securityhub:${REGION}::product/aws/inspector|${id}`,
    productArn: `arn:aws:securityhub:${REGION}::product/aws/inspector`,
    productName: 'Inspector',
    generatorId: 'AWSInspector',
    title: 'CVE-2021-44228 - org.apache.logging.log4j:log4j-core',
    description: 'Apache Log4j2 JNDI features do not protect against attacker controlled LDAP and other JNDI related endpoints.',
    severity: 'CRITICAL',
    severityScore: 100,
    types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
    resources: [
      {
        type: 'AwsEc2Instance',
        id: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0abcd1234ef567890`,
        region: REGION,
        partition: 'aws',
        tags: {},
        details: ['ImageId: ami-0123456789abcdef0'],
      },
    ],
    vulnerabilities: [
      {
        id: 'CVE-2021-44228',
        cvssScore: 10,
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
        packages: ['log4j-core 2.14.1'],
        fixedInVersion: '2.15.0',
        fixAvailable: 'YES',
        referenceUrls: ['https://nvd.nist.gov/vuln/detail/CVE-2021-44228'],
      },
    ],
    consoleUrl: consoleUrlOf(id),
    ...overrides,
  });
  return overrides.compliance ? { ...base, compliance: overrides.compliance } : base;
}

/** The trigger of an Imported event, or of a Custom Action when `action` is given. */
export function aTrigger(action?: Trigger['action']): Trigger {
  return action
    ? { eventId: 'c3a1f8e0-0000-4000-8000-000000000001', detailType: 'Security Hub Findings - Custom Action', action }
    : { eventId: 'c3a1f8e0-0000-4000-8000-000000000002', detailType: 'Security Hub Findings - Imported' };
}

/** A single-finding notification. */
export function aFindingNotification(finding: Finding = aFinding(), trigger: Trigger = aTrigger()): Notification {
  return { kind: 'finding', finding, trigger };
}

/** A digest of several findings of mixed severities (a Custom Action selection by default). */
export function aDigest(
  findings: readonly Finding[] = digestFindings(),
  trigger: Trigger = aTrigger({ name: 'SendToSecOps', description: 'Mail the selection to the security team' }),
): Notification {
  return { kind: 'digest', findings, trigger };
}

function digestFindings(): Finding[] {
  return [
    aFinding({ id: `${FINDING_ID}-a`, severity: 'LOW', title: '1.14 Ensure hardware MFA is enabled for the root account' }),
    aVulnerabilityFinding(),
    aFinding({ id: `${FINDING_ID}-b`, severity: 'HIGH', title: 'S3.8 S3 general purpose buckets should block public access' }),
  ];
}

/** An insight result (findings grouped by resource). */
export function anInsight(overrides: Partial<InsightResult> = {}): InsightResult {
  return {
    arn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:insight/${ACCOUNT}/custom/0c3f8f2e-1111-4222-8333-944445555666`,
    name: 'EC2 instances with the most critical findings',
    resultType: 'ResourceId',
    rows: [
      { value: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0abcd1234ef567890`, count: 12 },
      { value: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0fedc4321ba098765`, count: 3 },
    ],
    region: REGION,
    accountId: ACCOUNT,
    partition: 'aws',
    consoleUrl: `https://${REGION}.console.aws.amazon.com/securityhub/home?region=${REGION}#/insights`,
    ...overrides,
  };
}

/** An insight notification. */
export function anInsightNotification(insight: InsightResult = anInsight()): Notification {
  return {
    kind: 'insight',
    insight,
    trigger: { eventId: 'c3a1f8e0-0000-4000-8000-000000000003', detailType: 'Security Hub Insight Results' },
  };
}
