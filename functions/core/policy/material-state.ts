/**
 * The material state of a finding: the few fields whose change is worth an email. Everything
 * else (a new `UpdatedAt`, a changed note, a re-run of the same check) is not material.
 */
import type { ComplianceStatus, Finding, RecordState, Severity, WorkflowStatus } from '../finding/model.js';

export interface MaterialState {
  readonly severity: Severity;
  readonly complianceStatus?: ComplianceStatus;
  readonly workflowStatus?: WorkflowStatus;
  readonly recordState: RecordState;
}

/**
 * The material state of one finding.
 *
 * @example
 * materialStateOf(finding) // { severity: 'HIGH', complianceStatus: 'FAILED', workflowStatus: 'NEW', recordState: 'ACTIVE' }
 */
export function materialStateOf(finding: Finding): MaterialState {
  return {
    severity: finding.severity,
    ...(finding.compliance?.status === undefined ? {} : { complianceStatus: finding.compliance.status }),
    ...(finding.workflowStatus === undefined ? {} : { workflowStatus: finding.workflowStatus }),
    recordState: finding.recordState,
  };
}

/**
 * What closes a finding (any one of these): nothing is left to act on. A closed finding that was
 * open is a resolution; the rule patterns let these through when resolution mails are on.
 */
export const CLOSED_WHEN = {
  recordStates: ['ARCHIVED'],
  workflowStatuses: ['RESOLVED', 'SUPPRESSED'],
  complianceStatuses: ['PASSED'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * Whether a person still has something to act on: the record is active, the workflow is not
 * RESOLVED or SUPPRESSED, and the control has not PASSED.
 *
 * @example
 * isOpen({ severity: 'HIGH', recordState: 'ARCHIVED' }) // false
 */
export function isOpen(state: MaterialState): boolean {
  const closedBy = (values: readonly string[], value: string | undefined) => value !== undefined && values.includes(value);
  return !(
    closedBy(CLOSED_WHEN.recordStates, state.recordState) ||
    closedBy(CLOSED_WHEN.workflowStatuses, state.workflowStatus) ||
    closedBy(CLOSED_WHEN.complianceStatuses, state.complianceStatus)
  );
}

/**
 * The material differences between two states, in words; empty when nothing material changed.
 *
 * @example
 * describeChange(before, after) // ['severity MEDIUM -> HIGH', 'compliance PASSED -> FAILED']
 */
export function describeChange(before: MaterialState, after: MaterialState): string[] {
  const fields: [string, string | undefined, string | undefined][] = [
    ['severity', before.severity, after.severity],
    ['compliance', before.complianceStatus, after.complianceStatus],
    ['workflow', before.workflowStatus, after.workflowStatus],
    ['record state', before.recordState, after.recordState],
  ];
  return fields.filter(([, a, b]) => a !== b).map(([name, a, b]) => `${name} ${a ?? 'none'} -> ${b ?? 'none'}`);
}
