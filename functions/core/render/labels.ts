/**
 * Locale lookups done in TypeScript (status labels, "and N more" notes). Every key used here is in
 * `localeKeysUsedInCode()`, which the template build checks against `templates/locales/en.json`.
 */
import type { ActivityKind, ComplianceStatus, RecordState, Severity, WorkflowStatus } from '../finding/model.js';
import { ownValue } from '../finding/object.js';
import type { LocaleStrings } from './compiled-templates.js';
import { SEVERITY_COLORS, SEVERITY_LABEL_KEYS } from './severity-style.js';
import type { SeverityView } from './view-model.js';

const WORKFLOW_KEYS: Readonly<Record<WorkflowStatus, string>> = {
  NEW: 'workflowNew',
  NOTIFIED: 'workflowNotified',
  RESOLVED: 'workflowResolved',
  SUPPRESSED: 'workflowSuppressed',
};
const RECORD_KEYS: Readonly<Record<RecordState, string>> = { ACTIVE: 'recordActive', ARCHIVED: 'recordArchived' };
const COMPLIANCE_KEYS: Readonly<Record<ComplianceStatus, string>> = {
  PASSED: 'compliancePassed',
  WARNING: 'complianceWarning',
  FAILED: 'complianceFailed',
  NOT_AVAILABLE: 'complianceNotAvailable',
};
const FIX_KEYS: Readonly<Record<'YES' | 'NO' | 'PARTIAL', string>> = { YES: 'fixYes', NO: 'fixNo', PARTIAL: 'fixPartial' };
const ACTIVITY_KEYS: Readonly<Record<ActivityKind, string>> = {
  action: 'activityAction',
  api: 'activityApi',
  caller: 'activityCaller',
  remote: 'activityRemote',
  local: 'activityLocal',
  source: 'activitySource',
  destination: 'activityDestination',
  direction: 'activityDirection',
  domain: 'activityDomain',
  process: 'activityProcess',
  threat: 'activityThreat',
  indicator: 'activityIndicator',
  count: 'activityCount',
  firstSeen: 'activityFirstSeen',
  lastSeen: 'activityLastSeen',
  blocked: 'activityBlocked',
};
/** Values the finding writes as fixed words (ASFF ActionType, directions, booleans), shown in the reader's language. */
const VALUE_KEYS: Readonly<Record<string, string>> = {
  AWS_API_CALL: 'actionAwsApiCall',
  NETWORK_CONNECTION: 'actionNetworkConnection',
  DNS_REQUEST: 'actionDnsRequest',
  PORT_PROBE: 'actionPortProbe',
  INBOUND: 'directionInbound',
  IN: 'directionInbound',
  OUTBOUND: 'directionOutbound',
  OUT: 'directionOutbound',
  TRUE: 'yes',
  FALSE: 'no',
};
const FORMAT_KEYS = [
  'moreResources',
  'moreVulnerabilities',
  'moreFindings',
  'moreControls',
  'moreRows',
  'moreOfFinding',
  'findingCount',
  'findingCountOne',
  'accountCount',
  'descriptionShortened',
  'noConsoleLink',
  'openFindingCount',
  'openFindingCountOne',
  'trendUp',
  'trendDown',
  'trendSame',
  'moreAccounts',
  'summarySubject',
] as const;

type FormatKey = Exclude<(typeof FORMAT_KEYS)[number], 'findingCountOne' | 'openFindingCountOne'>;

/**
 * Every locale key the TypeScript code reads (templates read theirs through `t.*`), for the
 * template build. A function, so the Lambda bundle, which never calls it, leaves the list out.
 *
 * @example localeKeysUsedInCode().includes('severityCritical') // true
 */
export function localeKeysUsedInCode(): readonly string[] {
  return [
    ...Object.values(SEVERITY_LABEL_KEYS),
    ...Object.values(WORKFLOW_KEYS),
    ...Object.values(RECORD_KEYS),
    ...Object.values(COMPLIANCE_KEYS),
    ...Object.values(FIX_KEYS),
    ...Object.values(ACTIVITY_KEYS),
    ...new Set(Object.values(VALUE_KEYS)),
    ...FORMAT_KEYS,
  ];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The label `key` with `{name}` placeholders filled; the key itself when the label is missing. */
export function label(t: LocaleStrings, key: FormatKey, values: Readonly<Record<string, string | number>> = {}): string {
  const one = values.count === 1 ? t[`${key}One`] : undefined;
  const text = one ?? t[key] ?? key;
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The "…and N more" note of a list cut from `total` items to `shown`; `undefined` when none was left out. */
export function moreNote(
  t: LocaleStrings,
  key: 'moreResources' | 'moreVulnerabilities' | 'moreFindings' | 'moreControls' | 'moreRows' | 'moreAccounts',
  total: number,
  shown: number,
): string | undefined {
  return total > shown ? label(t, key, { count: total - shown }) : undefined;
}

export function severityView(t: LocaleStrings, severity: Severity): SeverityView {
  return { code: severity, label: t[SEVERITY_LABEL_KEYS[severity]] ?? severity, ...SEVERITY_COLORS[severity] };
}

export const workflowLabel = (t: LocaleStrings, status: WorkflowStatus): string => t[WORKFLOW_KEYS[status]] ?? status;
export const recordLabel = (t: LocaleStrings, state: RecordState): string => t[RECORD_KEYS[state]] ?? state;
export const complianceLabel = (t: LocaleStrings, status: ComplianceStatus): string => t[COMPLIANCE_KEYS[status]] ?? status;
export const fixLabel = (t: LocaleStrings, fix: 'YES' | 'NO' | 'PARTIAL'): string => t[FIX_KEYS[fix]] ?? fix;

export const activityLabel = (t: LocaleStrings, kind: ActivityKind): string => t[ACTIVITY_KEYS[kind]] ?? kind;

/** A fixed word of a finding (`PORT_PROBE`, `INBOUND`, `true`) in the reader's language; other values as they are. */
export function valueLabel(t: LocaleStrings, value: string): string {
  const key = ownValue(VALUE_KEYS, value.trim().toUpperCase());
  return key === undefined ? value : (t[key] ?? value);
}
