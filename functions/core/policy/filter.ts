import type { Filters } from '../config.js';
import type { Finding } from '../finding/model.js';

/** The filters that read a finding (`customActionArns` reads the Custom Action event instead). */
export type FindingFilterKey = Exclude<keyof Filters, 'customActionArns'>;

/**
 * The filters in the order they are checked, each with the finding value it reads. The one list
 * both sides are built from: this filter, and the rule patterns (`infra/lib/event-pattern.ts` must
 * map every key, or the build fails), so a rule never drops what this filter lets through.
 */
export const FINDING_FILTERS: readonly (readonly [FindingFilterKey, string, (finding: Finding) => string | undefined])[] = [
  ['recordStates', 'record state', (f) => f.recordState],
  ['workflowStatuses', 'workflow status', (f) => f.workflowStatus],
  ['complianceStatuses', 'compliance status', (f) => f.compliance?.status],
  ['severities', 'severity', (f) => f.severity],
  ['productNames', 'product', (f) => f.productName],
  ['accountIds', 'account', (f) => f.accountId],
];

/** Whether a person should hear about a finding, and if not, why not. */
export type Decision = { readonly notify: true } | { readonly notify: false; readonly reason: string };

/**
 * Applies the configured filters to one finding. Findings without a workflow status or without
 * compliance pass those checks: legacy and third-party findings often carry neither.
 *
 * @example
 * filterFinding(finding, config.filters) // { notify: false, reason: 'compliance status PASSED is not in [FAILED, WARNING, NOT_AVAILABLE]' }
 */
export function filterFinding(finding: Finding, filters: Filters): Decision {
  for (const [key, what, read] of FINDING_FILTERS) {
    const value = read(finding);
    const allowed: readonly string[] | undefined = filters[key];
    if (value !== undefined && allowed !== undefined && !allowed.includes(value)) {
      return { notify: false, reason: `${what} ${value} is not in [${allowed.join(', ')}]` };
    }
  }
  return { notify: true };
}
