/**
 * The EventBridge patterns for the notifier's rules, as a pure function of the notifier
 * configuration: the configured filters are pushed into the pattern so that unwanted findings
 * never cost an invocation. The Lambda applies the same filters again (defence in depth).
 */
import type { NotifierConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';
import {
  COMPLIANCE_STATUSES,
  type ComplianceStatus,
  RECORD_STATES,
  SEVERITIES,
  type Severity,
  WORKFLOW_STATUSES,
  type WorkflowStatus,
} from '../../functions/core/finding/model.js';
import { DETAIL_TYPES, EVENT_SOURCE } from '../../functions/core/input/event.js';

/** An EventBridge event pattern in its JSON form (`detail-type`, not `detailType`). */
export interface EventPatternJson {
  readonly source: readonly string[];
  readonly 'detail-type': readonly string[];
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One rule's pattern: the event family it matches and why. */
export interface RulePattern {
  /** `asff` (Imported), `ocsf` (Findings Imported V2) or `manual` (Custom Action, Insight Results). */
  readonly family: 'asff' | 'ocsf' | 'manual';
  readonly description: string;
  readonly pattern: EventPatternJson;
}

const ABSENT = { exists: false } as const;

/** OCSF `severity` captions per model severity; OCSF "Fatal" is reported as CRITICAL. */
const OCSF_SEVERITY: Record<Severity, readonly string[]> = {
  INFORMATIONAL: ['Informational'],
  LOW: ['Low'],
  MEDIUM: ['Medium'],
  HIGH: ['High'],
  CRITICAL: ['Critical', 'Fatal'],
};

/** OCSF finding `status` captions per ASFF workflow status. */
const OCSF_STATUS: Record<WorkflowStatus, readonly string[]> = {
  NEW: ['New'],
  NOTIFIED: ['In Progress'],
  SUPPRESSED: ['Suppressed'],
  RESOLVED: ['Resolved'],
};

/** OCSF `compliance.status` captions per ASFF compliance status. */
const OCSF_COMPLIANCE: Record<ComplianceStatus, readonly string[]> = {
  PASSED: ['Pass'],
  WARNING: ['Warning'],
  FAILED: ['Fail'],
  NOT_AVAILABLE: ['Unknown', 'Other'],
};

/**
 * Builds one pattern per event family the configuration enables. One rule per family keeps each
 * pattern plain: Custom Action and Insight Results events are asked for by a person and are never
 * filtered; Imported (ASFF) and Findings Imported V2 (OCSF) carry the filters in their own fields.
 *
 * A filter that allows every value is left out of the pattern, so findings that lack the field
 * (legacy findings without `Severity.Label`, for example) still match. Findings without a workflow
 * or without compliance always match, as in the Lambda's own filter.
 *
 * @example
 * buildRulePatterns(parseConfig({ filters: { severities: ['HIGH', 'CRITICAL'] } }))
 * // [{ family: 'asff', pattern: { source: ['aws.securityhub'], 'detail-type': ['Security Hub Findings - Imported'],
 * //    detail: { findings: { Severity: { Label: ['HIGH', 'CRITICAL'] }, ... } } } }, ...]
 * @throws ConfigError when a filter list is empty (the rule would match nothing).
 */
export function buildRulePatterns(config: NotifierConfig): RulePattern[] {
  const enabled = new Set(config.detailTypes);
  const patterns: RulePattern[] = [];
  if (enabled.has('imported')) {
    patterns.push({
      family: 'asff',
      description: 'Security Hub CSPM findings (ASFF) that pass the configured filters',
      pattern: { source: [EVENT_SOURCE], 'detail-type': [DETAIL_TYPES.imported], ...detail(asffFilters(config)) },
    });
  }
  if (enabled.has('importedV2')) {
    patterns.push({
      family: 'ocsf',
      description: 'Security Hub findings (OCSF, Findings Imported V2) that pass the configured filters',
      pattern: { source: [EVENT_SOURCE], 'detail-type': [DETAIL_TYPES.importedV2], ...detail(ocsfFilters(config)) },
    });
  }
  const manual = (['customAction', 'insightResults'] as const).filter((key) => enabled.has(key)).map((key) => DETAIL_TYPES[key]);
  if (manual.length > 0) {
    patterns.push({
      family: 'manual',
      description: 'Security Hub custom actions and insight results, sent on request and never filtered',
      pattern: { source: [EVENT_SOURCE], 'detail-type': manual },
    });
  }
  return patterns;
}

type Fields = Record<string, unknown>;

function detail(findings: Fields): { detail?: Fields } {
  return Object.keys(findings).length === 0 ? {} : { detail: { findings } };
}

function asffFilters({ filters }: NotifierConfig): Fields {
  const fields: Fields = {};
  const severities = restricted('severities', filters.severities, SEVERITIES);
  if (severities) fields.Severity = { Label: severities };
  const workflow = restricted('workflowStatuses', filters.workflowStatuses, WORKFLOW_STATUSES, true);
  if (workflow) fields.Workflow = orAbsent('Status', workflow);
  const records = restricted('recordStates', filters.recordStates, RECORD_STATES);
  if (records) fields.RecordState = records;
  const compliance = restricted('complianceStatuses', filters.complianceStatuses, COMPLIANCE_STATUSES, true);
  if (compliance) fields.Compliance = orAbsent('Status', compliance);
  if (filters.productNames) fields.ProductName = nonEmpty('productNames', filters.productNames);
  if (filters.accountIds) fields.AwsAccountId = nonEmpty('accountIds', filters.accountIds);
  return fields;
}

/** OCSF findings carry no record state: the Lambda's filter covers it. */
function ocsfFilters({ filters }: NotifierConfig): Fields {
  const fields: Fields = {};
  const severities = restricted('severities', filters.severities, SEVERITIES);
  if (severities) fields.severity = captions(severities, OCSF_SEVERITY);
  const workflow = restricted('workflowStatuses', filters.workflowStatuses, WORKFLOW_STATUSES, true);
  // `status` sits at the top of the finding, so its `$or` does too.
  if (workflow) Object.assign(fields, orAbsent('status', captions(workflow, OCSF_STATUS)));
  const compliance = restricted('complianceStatuses', filters.complianceStatuses, COMPLIANCE_STATUSES, true);
  if (compliance) fields.compliance = orAbsent('status', captions(compliance, OCSF_COMPLIANCE));
  if (filters.productNames) fields.metadata = { product: { name: nonEmpty('productNames', filters.productNames) } };
  if (filters.accountIds) fields.cloud = { account: { uid: nonEmpty('accountIds', filters.accountIds) } };
  return fields;
}

/** The OCSF captions of model values, in order. */
function captions<T extends string>(values: readonly T[], caption: Record<T, readonly string[]>): string[] {
  return values.flatMap((value) => caption[value]);
}

/** `{ $or: [{ key: values }, { key: [{ exists: false }] }] }`, or only the absent branch when nothing is allowed. */
function orAbsent(key: string, values: readonly string[]): Fields {
  if (values.length === 0) return { [key]: [ABSENT] };
  return { $or: [{ [key]: values }, { [key]: [ABSENT] }] };
}

/**
 * The allowed values, or `undefined` when every value is allowed (no need to match the field).
 * An empty list is an error unless findings without the field still pass (`absentPasses`).
 */
function restricted<T extends string>(name: string, allowed: readonly T[], all: readonly T[], absentPasses = false): T[] | undefined {
  if (all.every((value) => allowed.includes(value))) return undefined;
  if (allowed.length === 0 && !absentPasses) nonEmpty(name, allowed);
  return all.filter((value) => allowed.includes(value));
}

function nonEmpty<T>(name: string, values: readonly T[]): T[] {
  if (values.length === 0) throw new ConfigError(`config.filters.${name}`, 'an empty list would match no finding; omit it to allow all');
  return [...values];
}
