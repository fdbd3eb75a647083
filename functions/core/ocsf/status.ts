/**
 * OCSF finding and compliance status to the model's workflow status, record state and compliance
 * status.
 *
 * Decisions (OCSF 1.5/1.6 `status_id`: 0 Unknown, 1 New, 2 In Progress, 3 Suppressed, 4 Resolved,
 * 5 Archived, 99 Other; Security Hub maps ASFF NOTIFIED to "In Progress"):
 * - New -> NEW, In Progress -> NOTIFIED, Suppressed -> SUPPRESSED, Resolved -> RESOLVED,
 *   Archived -> RESOLVED (and the record ARCHIVED); Unknown/Other -> no workflow status.
 * - The record is ARCHIVED when the activity is "Close" (`activity_id` 3: OCSF says the finding
 *   was closed, which is how the new Security Hub sends an archived finding) or the status is
 *   Archived; otherwise ACTIVE.
 * - Compliance Pass/Warning/Fail -> PASSED/WARNING/FAILED; Unknown/Other -> NOT_AVAILABLE.
 */
import type { ComplianceStatus, RecordState, WorkflowStatus } from '../finding/model.js';
import { ownValue } from '../finding/object.js';

export const WORKFLOW_BY_ID: Readonly<Record<number, WorkflowStatus>> = {
  1: 'NEW',
  2: 'NOTIFIED',
  3: 'SUPPRESSED',
  4: 'RESOLVED',
  5: 'RESOLVED',
};
export const WORKFLOW_BY_CAPTION: Readonly<Record<string, WorkflowStatus>> = {
  new: 'NEW',
  'in progress': 'NOTIFIED',
  suppressed: 'SUPPRESSED',
  resolved: 'RESOLVED',
  archived: 'RESOLVED',
};

export const COMPLIANCE_BY_ID: Readonly<Record<number, ComplianceStatus>> = {
  1: 'PASSED',
  2: 'WARNING',
  3: 'FAILED',
};
export const COMPLIANCE_BY_CAPTION: Readonly<Record<string, ComplianceStatus>> = {
  pass: 'PASSED',
  warning: 'WARNING',
  fail: 'FAILED',
  unknown: 'NOT_AVAILABLE',
  other: 'NOT_AVAILABLE',
};

export const ARCHIVED_STATUS_ID = 5;
export const CLOSE_ACTIVITY_ID = 3;

/** Workflow status from `status_id` (when known) or the `status` caption; undefined for Unknown/Other. */
export function ocsfWorkflowStatus(id: number | undefined, caption: string | undefined): WorkflowStatus | undefined {
  const byId = id === undefined ? undefined : WORKFLOW_BY_ID[id];
  return byId ?? (caption === undefined ? undefined : ownValue(WORKFLOW_BY_CAPTION, norm(caption)));
}

/** ARCHIVED for a "Close" activity or an Archived status, else ACTIVE. */
export function ocsfRecordState(finding: {
  readonly activity_id?: number | undefined;
  readonly activity_name?: string | undefined;
  readonly status_id?: number | undefined;
  readonly status?: string | undefined;
}): RecordState {
  const closed = finding.activity_id === CLOSE_ACTIVITY_ID || norm(finding.activity_name) === 'close';
  const archived = finding.status_id === ARCHIVED_STATUS_ID || norm(finding.status) === 'archived';
  return closed || archived ? 'ARCHIVED' : 'ACTIVE';
}

/**
 * Compliance status from `compliance.status_id` when it names one (1 Pass, 2 Warning, 3 Fail), else
 * from the `status` caption; an id or caption that is present but names none gives NOT_AVAILABLE.
 * Undefined only when the compliance object has neither.
 */
export function ocsfComplianceStatus(id: number | undefined, caption: string | undefined): ComplianceStatus | undefined {
  const byId = id === undefined ? undefined : COMPLIANCE_BY_ID[id];
  if (byId !== undefined) return byId;
  const byCaption = caption === undefined ? undefined : ownValue(COMPLIANCE_BY_CAPTION, norm(caption));
  if (byCaption !== undefined) return byCaption;
  return id === undefined && caption === undefined ? undefined : 'NOT_AVAILABLE';
}

function norm(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase();
}
