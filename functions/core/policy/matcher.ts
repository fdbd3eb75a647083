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
    (matcher.resourceTags === undefined || finding.resources.some((resource) => tagsMatch(resource.tags, matcher.resourceTags))) &&
    tagsMatch(finding.accountTags ?? {}, matcher.accountTags)
  );
}

function within(value: string | undefined, allowed: readonly string[] | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}

/** Whether `tags` carry every wanted tag (a list: any of its values); no wanted tags always match. */
function tagsMatch(tags: Readonly<Record<string, string>>, wanted: Matcher['resourceTags']): boolean {
  if (wanted === undefined) return true;
  return Object.entries(wanted).every(([key, value]) => {
    const actual = ownValue(tags, key);
    return actual !== undefined && (Array.isArray(value) ? value.includes(actual) : value === actual);
  });
}
