/**
 * One matcher for routes and silences: every field given must match (AND); each list matches
 * when any of its values does (OR). An empty matcher matches every finding.
 */
import type { Finding } from '../finding/model.js';
import { ownValue } from '../finding/object.js';
import { isAtLeast } from '../finding/severity.js';
import type { Matcher } from './policy-config.js';

/**
 * Whether a finding matches.
 *
 * @example
 * matches(finding, { accounts: ['111122223333'], minSeverity: 'HIGH', resourceTags: { owner: ['alice', 'bob'] } })
 */
export function matches(finding: Finding, matcher: Matcher): boolean {
  return (
    within(finding.accountId, matcher.accounts) &&
    within(finding.region, matcher.regions) &&
    within(finding.productName, matcher.products) &&
    within(finding.severity, matcher.severities) &&
    (matcher.minSeverity === undefined || isAtLeast(finding.severity, matcher.minSeverity)) &&
    within(finding.compliance?.controlId, matcher.controls) &&
    (matcher.resourceTypes === undefined || finding.resources.some((r) => matcher.resourceTypes?.includes(r.type))) &&
    tagsMatch(finding, matcher.resourceTags)
  );
}

function within(value: string | undefined, allowed: readonly string[] | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}

function tagsMatch(finding: Finding, wanted: Matcher['resourceTags']): boolean {
  if (wanted === undefined) return true;
  const entries = Object.entries(wanted);
  return finding.resources.some((resource) =>
    entries.every(([key, value]) => {
      const actual = ownValue(resource.tags, key);
      return actual !== undefined && (Array.isArray(value) ? value.includes(actual) : value === actual);
    }),
  );
}
