import type { Filters } from '../config.js';
import type { Finding } from '../finding/model.js';

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
  const checks: [string, string | undefined, readonly string[] | undefined][] = [
    ['record state', finding.recordState, filters.recordStates],
    ['workflow status', finding.workflowStatus, filters.workflowStatuses],
    ['compliance status', finding.compliance?.status, filters.complianceStatuses],
    ['severity', finding.severity, filters.severities],
    ['product', finding.productName, filters.productNames],
    ['account', finding.accountId, filters.accountIds],
  ];
  for (const [what, value, allowed] of checks) {
    if (value !== undefined && allowed !== undefined && !allowed.includes(value)) {
      return { notify: false, reason: `${what} ${value} is not in [${allowed.join(', ')}]` };
    }
  }
  return { notify: true };
}
