/**
 * Who gets which summary: each route's recipients get the whole route (each finding counts for the
 * route it routes to, first match wins, as for alerts); on a route that sends to account owners,
 * each owner also gets a summary of just their accounts. Pure.
 */
import type { AccountDirectory } from '../accounts/directory.js';
import { ownerOfAccount } from '../accounts/owner.js';
import type { NotifierConfig } from '../config.js';
import type { Finding } from '../finding/model.js';
import type { Route } from '../policy/policy-config.js';
import { FALLBACK_ROUTE, routeFinding } from '../policy/route.js';
import { isOpen } from './build-summary.js';

export interface SummaryAudience {
  /** Where its last summary is kept: the route's name, or `<route>#owner#<address>`. */
  readonly id: string;
  readonly route: Route;
  /** An owner summary: the owner's address and their accounts (ids, sorted). */
  readonly owner?: { readonly to: string; readonly accounts: readonly string[] };
  readonly findings: readonly Finding[];
}

/**
 * Accounts of an owner route without an owner summary, for the log: no owner address (`noOwner`),
 * or more owners than `maxOwners` (`overLimit`). Their findings are in the route's summary only.
 */
export interface NoOwnerSummary {
  readonly route: string;
  readonly kind: 'noOwner' | 'overLimit';
  readonly reason: string;
}

export interface AudienceOptions {
  /** One route, by name (a schedule names its route). */
  readonly only?: string;
  /** Without it, no owner summaries. */
  readonly directory?: AccountDirectory;
  /** Owner summaries per route and run. @default MAX_OWNER_SUMMARIES */
  readonly maxOwners?: number;
}

/**
 * At most this many owner summaries per route and run: each is one email, and the summary function
 * (5 minutes) sends them all even at SES's sandbox rate (1 a second) in under a minute.
 */
export const MAX_OWNER_SUMMARIES = 50;

/**
 * The routes with a summary: every configured route (unless its `summary.enabled` is false), and
 * the fallback route; `only` picks one by name.
 */
export function summaryRoutes(config: NotifierConfig, only?: string): Route[] {
  const routes = [...config.policy.routes, { ...FALLBACK_ROUTE, ...(config.summary ? { summary: config.summary } : {}) }];
  return routes.filter((route) => (route.summary?.enabled ?? true) && (only === undefined || route.name === only));
}

/**
 * @example
 * const { audiences, noOwner } = summaryAudiences(findings, config, { directory });
 * audiences.map((a) => a.id) // ['prod-owners', 'prod-owners#owner#a@example.com', 'default']
 */
export function summaryAudiences(
  findings: readonly Finding[],
  config: NotifierConfig,
  options: AudienceOptions = {},
): { audiences: SummaryAudience[]; noOwner: NoOwnerSummary[] } {
  const { only } = options;
  const routes = summaryRoutes(config, only);
  const byRoute = new Map<string, Finding[]>(routes.map((route) => [route.name, []]));
  for (const finding of findings) byRoute.get(routeFinding(finding, config.policy.routes).name)?.push(finding);
  // The fallback route has a summary of its own when no route is configured, when asked for, or when it has findings.
  const wanted = (route: Route) =>
    route.name !== FALLBACK_ROUTE.name ||
    only !== undefined ||
    config.policy.routes.length === 0 ||
    (byRoute.get(route.name)?.length ?? 0) > 0;
  const audiences: SummaryAudience[] = [];
  const noOwner: NoOwnerSummary[] = [];
  for (const route of routes.filter(wanted)) {
    const routeFindings = byRoute.get(route.name) ?? [];
    const owners = options.directory && route.owner ? ownerAudiences(route, routeFindings, options.directory, noOwner) : [];
    const max = options.maxOwners ?? MAX_OWNER_SUMMARIES;
    for (const over of owners.slice(max)) {
      const reason = `${over.owner?.to}: over the limit of ${max} owner summaries a route; accounts ${over.owner?.accounts.join(', ')}`;
      noOwner.push({ route: route.name, kind: 'overLimit', reason });
    }
    audiences.push({ id: route.name, route, findings: routeFindings }, ...owners.slice(0, max));
  }
  return { audiences, noOwner };
}

/** One audience per owner address (accounts with the same owner together), most open findings first. */
function ownerAudiences(
  route: Route,
  findings: readonly Finding[],
  directory: AccountDirectory,
  noOwner: NoOwnerSummary[],
): SummaryAudience[] {
  const byAccount = new Map<string, Finding[]>();
  for (const finding of findings) byAccount.set(finding.accountId, [...(byAccount.get(finding.accountId) ?? []), finding]);
  const byOwner = new Map<string, { accounts: string[]; findings: Finding[] }>();
  for (const [account, accountFindings] of [...byAccount].sort((a, b) => a[0].localeCompare(b[0]))) {
    const owner = ownerOfAccount(route, account, directory);
    if (!owner) continue;
    if ('fallback' in owner) {
      noOwner.push({ route: route.name, kind: 'noOwner', reason: owner.fallback });
      continue;
    }
    const group = byOwner.get(owner.to) ?? { accounts: [], findings: [] };
    group.accounts.push(account);
    group.findings.push(...accountFindings);
    byOwner.set(owner.to, group);
  }
  const openCount = (group: { findings: Finding[] }) => group.findings.filter(isOpen).length;
  return [...byOwner]
    .sort((a, b) => openCount(b[1]) - openCount(a[1]) || a[0].localeCompare(b[0]))
    .map(([to, group]) => ({ id: `${route.name}#owner#${to}`, route, owner: { to, accounts: group.accounts }, findings: group.findings }));
}
