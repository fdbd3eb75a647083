/**
 * Routes that send to the account's owner: the address in the account tag the route names, else
 * the account's SECURITY alternate contact. Without either, the email goes to the route's own
 * recipients (or the top-level ones), and the caller logs the reason.
 */
import type { Finding } from '../finding/model.js';
import { ownValue } from '../finding/object.js';
import type { Route } from '../policy/policy-config.js';
import type { AccountDirectory } from './directory.js';

/** Plain address check for a tag value (tags are free text; SES refuses anything else). */
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export type OwnerResult =
  /** The owner's address, and where it came from. */
  | { readonly to: string; readonly source: 'tag' | 'securityContact' }
  /** No owner: why, for the log. */
  | { readonly fallback: string };

/**
 * The owner of one finding's account under `route`; `undefined` when the route does not send to owners.
 *
 * @example ownerOf({ name: 'owners', match: {}, owner: { tag: 'security-owner' } }, finding, directory) // { to: 'sec@example.com', source: 'tag' }
 */
export function ownerOf(route: Route, finding: Finding, directory: AccountDirectory): OwnerResult | undefined {
  return ownerOfAccount(route, finding.accountId, directory);
}

/**
 * The owner of one account under `route`; `undefined` when the route does not send to owners.
 *
 * @example ownerOfAccount(route, '111122223333', directory) // { to: 'sec@example.com', source: 'securityContact' }
 */
export function ownerOfAccount(route: Route, accountId: string, directory: AccountDirectory): OwnerResult | undefined {
  if (!route.owner) return undefined;
  const info = directory.accounts.get(accountId);
  if (!info) return { fallback: `account ${accountId} is not in the account directory` };
  const tag = route.owner.tag;
  const tagged = tag === undefined ? undefined : ownValue(info.tags, tag)?.trim();
  if (tagged && ADDRESS.test(tagged)) return { to: tagged, source: 'tag' };
  if (info.securityContact) return { to: info.securityContact, source: 'securityContact' };
  const tagNote = tag === undefined ? '' : tagged ? `tag ${tag} is not an email address, ` : `no tag ${tag}, `;
  return { fallback: `account ${accountId}: ${tagNote}no SECURITY alternate contact` };
}

/**
 * The owner of an email's findings: one address when every finding has the same owner, else the
 * fallback with its reason (a digest never goes to one owner with another owner's findings).
 *
 * @example ownerOfAll(route, [a, b], directory) // { to: 'sec@example.com', source: 'securityContact' }
 */
export function ownerOfAll(route: Route, findings: readonly Finding[], directory: AccountDirectory): OwnerResult | undefined {
  const results = findings.map((finding) => ownerOf(route, finding, directory));
  const [first] = results;
  if (!first) return undefined;
  const missing = results.find((r) => r !== undefined && 'fallback' in r);
  if (missing) return missing;
  const owners = new Set(results.map((r) => (r && 'to' in r ? r.to : '')));
  return owners.size === 1 ? first : { fallback: `the email's findings have ${owners.size} different owners` };
}
