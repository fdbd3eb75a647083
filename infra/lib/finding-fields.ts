/**
 * Where each filter of the Lambda (`FINDING_FILTERS`) reads its value in an ASFF and an OCSF
 * finding, as EventBridge pattern fields. Built from the readers' own tables (OCSF ids, legacy
 * workflow states), so the rule reads a finding as the Lambda does. When the Lambda derives a
 * value from other fields (a label from a score, an OCSF caption when the id is Unknown), the
 * pattern lets the finding through: the Lambda decides, and may filter more than the rule, never less.
 * Operators: "Comparison operators for use in event patterns in Amazon EventBridge",
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
import { LEGACY_WORKFLOW_STATES } from '../../functions/core/asff/workflow.js';
import { SEVERITY_BY_ID } from '../../functions/core/ocsf/severity.js';
import {
  ARCHIVED_STATUS_ID,
  CLOSE_ACTIVITY_ID,
  COMPLIANCE_BY_CAPTION,
  COMPLIANCE_BY_ID,
  WORKFLOW_BY_CAPTION,
  WORKFLOW_BY_ID,
} from '../../functions/core/ocsf/status.js';
import type { FindingFilterKey } from '../../functions/core/policy/filter.js';

/** Pattern fields under `detail.findings`. */
export type Fields = Record<string, unknown>;

/** How a pattern reads one filter of the Lambda in one finding format. */
export interface FieldRule {
  /** Fields matching every finding whose value may be in `allowed` (or is undetermined); undefined when the rule cannot narrow it. */
  readonly admit: (allowed: readonly string[]) => Fields | undefined;
  /** Alternatives ($or) matching every finding whose value may be one of `values`, and (mostly) no other. */
  readonly possibly: (values: readonly string[]) => Fields[];
}

const ABSENT = { exists: false } as const;

/** The keys of `table` whose value is one of `values`. */
function keysOf(table: Readonly<Record<string, string>>, values: readonly string[]): string[] {
  return Object.keys(table).filter((key) => values.includes(table[key] as string));
}

/** The numeric ids of `table` whose value is one of `values`, in order. */
function idsOf(table: Readonly<Record<number, string>>, values: readonly string[]): number[] {
  return keysOf(table as Readonly<Record<string, string>>, values).map(Number);
}

/** Every id `table` names: any other id (Unknown 0, Other 99) leaves the Lambda to read the caption. */
function knownIds(table: Readonly<Record<number, string>>): number[] {
  return Object.keys(table).map(Number);
}

/** Case-insensitive equality with each caption, as the OCSF reader compares them. */
function captions(table: Readonly<Record<string, string>>, values: readonly string[]) {
  return keysOf(table, values).map((caption) => ({ 'equals-ignore-case': caption }));
}

/** An OCSF id field: one of these ids, an id the reader does not know (it reads the caption), or none. */
function ocsfId(table: Readonly<Record<number, string>>, allowed: readonly string[]): unknown[] {
  return [...idsOf(table, allowed), { 'anything-but': knownIds(table) }, ABSENT];
}

/** ASFF (Security Hub CSPM): exact enum values, validated by the reader's schema. */
export const ASFF_FIELDS: Readonly<Record<FindingFilterKey, FieldRule>> = {
  // No RecordState reads as ACTIVE.
  recordStates: {
    admit: (allowed) => ({ RecordState: allowed.includes('ACTIVE') ? [...allowed, ABSENT] : [...allowed] }),
    possibly: (values) => [{ RecordState: [...values] }],
  },
  // No Workflow.Status: the 2019 WorkflowState, or no workflow at all (which passes).
  workflowStatuses: {
    admit: (allowed) => ({ Workflow: { Status: [...allowed, ABSENT] } }),
    possibly: (values) => [
      { Workflow: { Status: [...values] } },
      { WorkflowState: keysOf(LEGACY_WORKFLOW_STATES, values).map((state) => ({ 'equals-ignore-case': state })) },
    ],
  },
  // No Compliance.Status passes.
  complianceStatuses: {
    admit: (allowed) => ({ Compliance: { Status: [...allowed, ABSENT] } }),
    possibly: (values) => [{ Compliance: { Status: [...values] } }],
  },
  // No Severity.Label: the reader derives the label from the 2019 product field or the score.
  severities: { admit: (allowed) => ({ Severity: { Label: [...allowed, ABSENT] } }), possibly: () => [] },
  // No (or an empty) ProductName: the reader names the product from its product fields or ARN.
  productNames: { admit: (allowed) => ({ ProductName: [...allowed, '', ABSENT] }), possibly: () => [] },
  accountIds: { admit: (allowed) => ({ AwsAccountId: [...allowed] }), possibly: () => [] },
};

/** OCSF (the new Security Hub, Findings Imported V2): ids first, as the reader does; captions when the id says nothing. */
export const OCSF_FIELDS: Readonly<Record<FindingFilterKey, FieldRule>> = {
  // ARCHIVED when the activity is Close or the status Archived; only a Close activity is surely archived.
  recordStates: {
    admit: (allowed) => (allowed.includes('ARCHIVED') ? undefined : { activity_id: [{ 'anything-but': [CLOSE_ACTIVITY_ID] }, ABSENT] }),
    possibly: (values) =>
      values.includes('ARCHIVED')
        ? [
            { activity_id: [CLOSE_ACTIVITY_ID] },
            { activity_name: [{ 'equals-ignore-case': 'close' }] },
            { status_id: [ARCHIVED_STATUS_ID] },
            { status: [{ 'equals-ignore-case': 'archived' }] },
          ]
        : [],
  },
  // Unknown (0), Other (99) or no status: no workflow status, which passes.
  workflowStatuses: {
    admit: (allowed) => ({ status_id: ocsfId(WORKFLOW_BY_ID, allowed) }),
    possibly: (values) => [{ status_id: idsOf(WORKFLOW_BY_ID, values) }, { status: captions(WORKFLOW_BY_CAPTION, values) }],
  },
  // A compliance id other than Pass/Warning/Fail: the caption decides, else NOT_AVAILABLE.
  complianceStatuses: {
    admit: (allowed) => ({ compliance: { status_id: ocsfId(COMPLIANCE_BY_ID, allowed) } }),
    possibly: (values) => [
      { compliance: { status_id: idsOf(COMPLIANCE_BY_ID, values) } },
      { compliance: { status: captions(COMPLIANCE_BY_CAPTION, values) } },
    ],
  },
  // Severity Unknown (0), Other (99) or no id: the caption decides.
  severities: { admit: (allowed) => ({ severity_id: ocsfId(SEVERITY_BY_ID, allowed) }), possibly: () => [] },
  // No (or an empty) product name: the reader takes the vendor name.
  productNames: { admit: (allowed) => ({ metadata: { product: { name: [...allowed, '', ABSENT] } } }), possibly: () => [] },
  accountIds: { admit: (allowed) => ({ cloud: { account: { uid: [...allowed] } } }), possibly: () => [] },
};
