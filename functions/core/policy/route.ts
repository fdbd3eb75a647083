/** Routing: the first configured route whose matcher matches wins; otherwise the fallback. */
import type { Finding } from '../finding/model.js';
import { matches } from './matcher.js';
import type { Route } from './policy-config.js';

/**
 * The fallback route: no recipients of its own, so the transport uses the top-level ones
 * (`ses.to` / `ses.cc`, `sns.topicArn`) and the configured locale.
 */
export const FALLBACK_ROUTE: Route = { name: 'default', match: {} };

/**
 * The route a finding goes to.
 *
 * @example
 * routeFinding(finding, config.policy.routes).name // 'payments-team' or 'default'
 */
export function routeFinding(finding: Finding, routes: readonly Route[]): Route {
  return routes.find((route) => matches(finding, route.match)) ?? FALLBACK_ROUTE;
}
