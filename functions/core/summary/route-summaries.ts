/**
 * One summary per route: each finding counts for the route it routes to (first match wins, as
 * for alerts), then `buildSummary` per route. Pure; the CLI and the Lambda's summary handler share it.
 */
import type { NotifierConfig } from '../config.js';
import type { Finding } from '../finding/model.js';
import type { Notification } from '../policy/notification.js';
import type { Route } from '../policy/policy-config.js';
import { FALLBACK_ROUTE, routeFinding } from '../policy/route.js';
import { buildSummary } from './build-summary.js';

export type SummaryNotification = Extract<Notification, { kind: 'summary' }>;

export interface PlannedSummary {
  readonly route: Route;
  readonly notification: SummaryNotification;
}

export interface SummaryContext {
  readonly now: Date;
  /** The last summary's time per route name; default: one schedule period before `now`. */
  readonly since?: (route: Route) => Date;
  /** The last summary's open total per route name, when it was recorded. */
  readonly previousOpen?: (route: Route) => number | undefined;
  readonly problems?: readonly string[];
}

const DAY = 86_400_000;
const UNITS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: DAY };

/**
 * The routes with a summary: every configured route (unless its `summary.enabled` is false), and
 * the fallback route; `only` picks one by name (a schedule names its route).
 */
export function summaryRoutes(config: NotifierConfig, only?: string): Route[] {
  const routes = [...config.policy.routes, { ...FALLBACK_ROUTE, ...(config.summary ? { summary: config.summary } : {}) }];
  return routes.filter((route) => (route.summary?.enabled ?? true) && (only === undefined || route.name === only));
}

/**
 * How long one schedule period is: `rate(2 hours)` literally; a cron with a day of week: a week;
 * with a day of month: 30 days; else a day.
 *
 * @example periodMs('cron(0 8 ? * MON *)') // 604800000
 */
export function periodMs(schedule: string): number {
  const rate = /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(schedule);
  if (rate) return Number(rate[1]) * (UNITS[rate[2] ?? 'day'] ?? DAY);
  const fields = /^cron\((.+)\)$/.exec(schedule)?.[1]?.trim().split(/\s+/) ?? [];
  const wild = (field: string | undefined) => field === undefined || field === '*' || field === '?';
  if (!wild(fields[4])) return 7 * DAY;
  if (!wild(fields[2])) return 30 * DAY;
  return DAY;
}

/**
 * @example
 * const [first] = planSummaries(findings, config, { now: new Date() });
 * renderer.render(first.notification, { locale: 'en', timeZone: 'UTC' });
 */
export function planSummaries(
  findings: readonly Finding[],
  config: NotifierConfig,
  context: SummaryContext,
  only?: string,
): PlannedSummary[] {
  const routes = summaryRoutes(config, only);
  const byRoute = new Map<string, Finding[]>(routes.map((route) => [route.name, []]));
  for (const finding of findings) byRoute.get(routeFinding(finding, config.policy.routes).name)?.push(finding);
  // The fallback route has a summary of its own when no route is configured, when asked for, or when it has findings.
  const wanted = (route: Route) =>
    route.name !== FALLBACK_ROUTE.name ||
    only !== undefined ||
    config.policy.routes.length === 0 ||
    (byRoute.get(route.name)?.length ?? 0) > 0;
  return routes.filter(wanted).map((route): PlannedSummary => {
    const since =
      context.since?.(route) ??
      new Date(context.now.getTime() - periodMs(route.summary?.schedule ?? config.summary?.schedule ?? 'rate(7 days)'));
    const previousOpen = context.previousOpen?.(route);
    const summary = buildSummary(byRoute.get(route.name) ?? [], {
      route: route.name,
      now: context.now,
      since,
      ...(previousOpen === undefined ? {} : { previousOpen }),
      ...(context.problems ? { problems: context.problems } : {}),
    });
    const trigger = { eventId: `summary-${route.name}-${summary.at}`, detailType: 'Scheduled Summary' };
    return { route, notification: { kind: 'summary', summary, trigger } };
  });
}
