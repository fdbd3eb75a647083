/**
 * The policy tests' Finding builder (also used by test/integration/state). It is kept apart from
 * test/support/findings.ts, which builds a full CIS 3.4 finding for rendering: the policy tests are
 * written against this one's defaults (HIGH, control S3.1 FAILED, us-east-1, one S3 bucket) and its
 * `controlId` / `complianceStatus` shortcuts.
 */

import { parseConfig } from '../../../functions/core/config.js';
import type { Finding, Trigger } from '../../../functions/core/finding/model.js';
import type { ReadFinding } from '../../../functions/core/input/read-input.js';
import type { PlanContext } from '../../../functions/core/policy/plan-batch.js';

type Overrides = Partial<Omit<Finding, 'compliance'>> & {
  controlId?: string;
  complianceStatus?: 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE';
};

export function aFinding(overrides: Overrides = {}): Finding {
  const { controlId = 'S3.1', complianceStatus = 'FAILED', ...rest } = overrides;
  const id = rest.id ?? 'arn:aws:securityhub:us-east-1:111122223333:finding/1';
  return {
    format: 'asff',
    key: `arn:aws:securityhub:us-east-1::product/aws/securityhub/${id}`,
    id,
    productArn: 'arn:aws:securityhub:us-east-1::product/aws/securityhub',
    productName: 'Security Hub',
    title: 'S3 general purpose buckets should have block public access settings enabled',
    description: 'A check.',
    severity: 'HIGH',
    accountId: '111122223333',
    region: 'us-east-1',
    partition: 'aws',
    types: [],
    compliance: { status: complianceStatus, reasons: [], controlId, standards: [], relatedRequirements: [] },
    resources: [{ type: 'AwsS3Bucket', id: 'arn:aws:s3:::bucket', tags: {}, details: [] }],
    updatedAt: '2025-01-01T00:00:00.000Z',
    workflowStatus: 'NEW',
    recordState: 'ACTIVE',
    vulnerabilities: [],
    evidence: [],
    consoleUrl: 'https://console.aws.amazon.com/securityhub/home',
    ...rest,
  };
}

export function aTrigger(eventId = 'event-1', action?: string): Trigger {
  return { eventId, detailType: 'Security Hub Findings - Imported', ...(action ? { action: { name: action } } : {}) };
}

export function anInput(finding: Finding, eventId = `event-${finding.id}`, input = `input-${eventId}`): ReadFinding {
  return { finding, trigger: aTrigger(eventId), input };
}

export const NOW = new Date('2025-06-01T12:00:00.000Z');

/** A window context from a raw `policy` / `filters` configuration, with defaults filled in. */
export function aContext(
  raw: { policy?: unknown; filters?: unknown } = {},
  prior: PlanContext['prior'] = new Map(),
  now = NOW,
): PlanContext {
  const config = parseConfig(raw);
  return { now, prior, policy: config.policy, filters: config.filters };
}
