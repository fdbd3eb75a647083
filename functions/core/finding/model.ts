/**
 * The one typed Finding model. ASFF (classic Security Hub / "CSPM") and OCSF (the 2025
 * Security Hub) both map into it, so policy, templates and transports never see either format.
 *
 * Every string here came from a finding and is attacker-controlled: renderers escape it, and
 * URL fields are checked to be http(s) before they are put here (see `safeUrl`).
 */

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COMPLIANCE_STATUSES = ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export const WORKFLOW_STATUSES = ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export const RECORD_STATES = ['ACTIVE', 'ARCHIVED'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/**
 * No finding is older than this (Security Hub started in 2018): an earlier timestamp is a wrong
 * value or unit (epoch seconds read as milliseconds give January 1970) and is never shown.
 */
export const EARLIEST_FINDING_TIME = Date.UTC(2000, 0, 1);

/** Which wire format the finding arrived in. */
export type FindingFormat = 'asff' | 'ocsf';

export interface StatusReason {
  readonly code: string;
  readonly description?: string;
}

export interface Compliance {
  readonly status?: ComplianceStatus;
  /** Every status reason (ASFF `StatusReasons`, OCSF `assessments` that did not meet criteria). */
  readonly reasons: readonly StatusReason[];
  /** SecurityControlId, ControlId or RuleId (ASFF); `compliance.control` (OCSF). */
  readonly controlId?: string;
  /** Standards the control belongs to (ARNs or names, as the finding gives them). */
  readonly standards: readonly string[];
  readonly relatedRequirements: readonly string[];
  /** What the AWS Config rule said about the resource (ASFF `ProductFields["aws/securityhub/annotation"]`). */
  readonly annotation?: string;
}

export interface Remediation {
  readonly text?: string;
  /** Only http(s) URLs reach the model. */
  readonly url?: string;
}

export interface Resource {
  readonly type: string;
  readonly id: string;
  readonly region?: string;
  readonly partition?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** A few `key: value` lines summarising `Details` (bounded in count and length). */
  readonly details: readonly string[];
}

export interface Vulnerability {
  readonly id: string;
  readonly cvssScore?: number;
  readonly cvssVector?: string;
  /** Affected packages as `name version` strings. */
  readonly packages: readonly string[];
  readonly fixedInVersion?: string;
  readonly fixAvailable?: 'YES' | 'NO' | 'PARTIAL';
  /** Only http(s) URLs reach the model. */
  readonly referenceUrls: readonly string[];
  readonly exploitAvailable?: 'YES' | 'NO';
  /** EPSS probability of exploitation, 0-1. */
  readonly epssScore?: number;
  /** Other CVE or advisory ids the finding names for this vulnerability. */
  readonly relatedIds?: readonly string[];
  /** The vendor's advisory (name and http(s) URL), sometimes the only link a finding has. */
  readonly vendor?: string;
  readonly advisoryUrl?: string;
  /** How to fix the packages, as the producer wrote it (e.g. `yum update kernel`). */
  readonly remediations?: readonly string[];
}

/**
 * One fact of "what happened" (GuardDuty action, network, process, threats; OCSF evidences and
 * actor). `kind` picks the localized label; `value` is finding text, except for `action`
 * (an ASFF ActionType such as `PORT_PROBE`) and `blocked` (`true`/`false`), which the renderer localizes.
 */
export interface ActivityFact {
  readonly kind: ActivityKind;
  readonly value: string;
}

export const ACTIVITY_KINDS = [
  'action',
  'api',
  'caller',
  'remote',
  'local',
  'source',
  'destination',
  'direction',
  'domain',
  'process',
  'threat',
  'indicator',
  'count',
  'firstSeen',
  'lastSeen',
  'blocked',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A finding this one is made of or points to (ASFF `RelatedFindings`, OCSF `finding_info.related_events`). */
export interface RelatedFinding {
  readonly id: string;
  readonly title?: string;
  /** The control id its id names (`security-control/Lambda.1/finding/...` -> `Lambda.1`). */
  readonly control?: string;
  /** Traits or kinds, e.g. `Reachability: Publicly Invocable`. */
  readonly traits: readonly string[];
}

export interface Note {
  readonly text: string;
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

export interface Finding {
  readonly format: FindingFormat;
  /** Stable identity for dedup and threading: ProductArn + Id (ASFF), metadata.uid (OCSF). */
  readonly key: string;
  /** The finding's own Id (ASFF `Id`, OCSF `finding_info.uid`). */
  readonly id: string;
  readonly productArn: string;
  readonly productName: string;
  readonly companyName?: string;
  readonly generatorId?: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  /** 0-100 when the finding carries one. */
  readonly severityScore?: number;
  readonly accountId: string;
  /** The account's name (ASFF `AwsAccountName`, OCSF `cloud.account.name`, else the account directory). */
  readonly accountName?: string;
  /** The account's Organizations tags, from the account directory (routes match on them). */
  readonly accountTags?: Readonly<Record<string, string>>;
  /** The finding's own Region, not the event's. */
  readonly region: string;
  readonly partition: string;
  readonly types: readonly string[];
  readonly compliance?: Compliance;
  readonly remediation?: Remediation;
  readonly resources: readonly Resource[];
  /** ISO-8601 timestamps as given by the finding. */
  readonly firstObservedAt?: string;
  readonly lastObservedAt?: string;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly workflowStatus?: WorkflowStatus;
  readonly recordState: RecordState;
  readonly note?: Note;
  /** Only http(s) URLs reach the model. */
  readonly sourceUrl?: string;
  readonly vulnerabilities: readonly Vulnerability[];
  /** Short evidence lines (OCSF detection: process, network, actor). */
  readonly evidence: readonly string[];
  /** What happened, in a few facts (see `ActivityFact`); absent or empty when the finding says nothing. */
  readonly activity?: readonly ActivityFact[];
  /** The findings this one is made of (exposure findings, related findings). */
  readonly related?: readonly RelatedFinding[];
  /** Fields a producer should have filled and did not (JSON names, e.g. `Description`): the email says so. */
  readonly missing?: readonly string[];
  /** Deep link to the finding in the console of its partition; absent when the partition has no known console. */
  readonly consoleUrl?: string;
}

/** Why an email was triggered; shown in the email and used in logs. */
export interface Trigger {
  /** The EventBridge event id (or a synthetic id for replay inputs). */
  readonly eventId: string;
  readonly detailType: string;
  /** Custom Action events name the action a person pressed (and its ARN, from the event's `resources`). */
  readonly action?: { readonly name: string; readonly description?: string; readonly arn?: string };
}

/** One row of a Security Hub Insight Results event. */
export interface InsightResult {
  readonly arn: string;
  readonly name: string;
  readonly resultType: string;
  readonly rows: readonly { readonly value: string; readonly count: number }[];
  readonly region: string;
  readonly accountId: string;
  /** The account's name, from the account directory. */
  readonly accountName?: string;
  readonly partition: string;
  /** Absent when the partition has no known console. */
  readonly consoleUrl?: string;
}
