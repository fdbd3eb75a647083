/** The workflow status of an ASFF finding, including the 2019 `WorkflowState` field. */
import type { WorkflowStatus } from '../finding/model.js';
import { ownValue } from '../finding/object.js';
import type { AsffFinding } from './schema.js';

/**
 * The deprecated `WorkflowState` mapped onto today's statuses: work not finished is still NEW to a
 * reader (NEW, ASSIGNED, IN_PROGRESS), DEFERRED means "not now" and reads as SUPPRESSED, RESOLVED stays.
 */
export const LEGACY_WORKFLOW_STATES: Readonly<Record<string, WorkflowStatus>> = {
  NEW: 'NEW',
  ASSIGNED: 'NEW',
  IN_PROGRESS: 'NEW',
  DEFERRED: 'SUPPRESSED',
  RESOLVED: 'RESOLVED',
};

/**
 * `Workflow.Status` when present, else the mapped `WorkflowState`, else undefined (Prowler,
 * Trivy and JFrog findings carry neither).
 *
 * @example asffWorkflow({ WorkflowState: 'DEFERRED' } as AsffFinding) // 'SUPPRESSED'
 */
export function asffWorkflow(finding: AsffFinding): WorkflowStatus | undefined {
  const status = finding.Workflow?.Status;
  if (status !== undefined) return status;
  const legacy = finding.WorkflowState;
  return legacy === undefined ? undefined : ownValue(LEGACY_WORKFLOW_STATES, legacy.toUpperCase());
}
