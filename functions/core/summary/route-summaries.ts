/**
 * Plans the summary emails: `buildSummary` for each audience (`summaryAudiences`: each route's
 * recipients, and on owner routes each owner), against that audience's last summary. Pure; the
 * CLI and the Lambda's summary handler share it.
 */
import type { AccountDirectory } from '../accounts/directory.js';
import type { NotifierConfig } from '../config.js';
import type { Finding } from '../finding/model.js';
import type { Notification } from '../policy/notification.js';
import type { Route } from '../policy/policy-config.js';
import { buildSummary, openFindings } from './build-summary.js';
import { findingHashes, type LastSummary } from './last-summary.js';
import { type SummaryAudience, summaryAudiences } from './summary-audiences.js';

/** Also here for the CDK construct (infra/lib/summary-schedule.ts), which imports it from this module. */
export { summaryRoutes } from './summary-audiences.js';

export type SummaryNotification = Extract<Notification, { kind: 'summary' }>;

export interface PlannedSummary {
  readonly audience: SummaryAudience;
  readonly route: Route;
  readonly notification: SummaryNotification;
  /** What to keep for the audience's next summary (`keys` only when every finding source was read). */
  readonly record: LastSummary;
}

export interface SummaryContext {
  readonly now: Date;
  /** The last summary of each audience, by `SummaryAudience.id`. */
  readonly last?: (id: string) => LastSummary | undefined;
  /** The start of the period; default: the last summary's time, else one schedule period before `now`. */
  readonly since?: Date;
  /** When the notifier last mailed each finding, by `Finding.key` (its dedup state), when it was read. */
  readonly notifiedAt?: ReadonlyMap<string, string>;
  /**
   * `false` when some findings could not be read (a source failed or was cut off): new and resolved
   * then come from timestamps (a finding not read would look resolved), and no key record is kept.
   */
  readonly complete?: boolean;
  readonly problems?: readonly string[];
}

const DAY = 86_400_000;
const UNITS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: DAY };

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
 * The summary of each audience.
 *
 * @example
 * const { audiences } = summaryAudiences(findings, config, { directory });
 * const planned = planAudiences(audiences, config, { now, last: (id) => records.get(id) });
 */
export function planAudiences(audiences: readonly SummaryAudience[], config: NotifierConfig, context: SummaryContext): PlannedSummary[] {
  const complete = context.complete ?? true;
  return audiences.map((audience): PlannedSummary => {
    const { route } = audience;
    const last = context.last?.(audience.id);
    const period = periodMs(route.summary?.schedule ?? config.summary?.schedule ?? 'rate(7 days)');
    const since = context.since ?? last?.at ?? new Date(context.now.getTime() - period);
    const summary = buildSummary(audience.findings, {
      route: route.name,
      now: context.now,
      since,
      ...(last ? { previousOpen: last.open } : {}),
      ...(last?.keys && complete ? { previousKeys: last.keys } : {}),
      ...(context.notifiedAt ? { notifiedAt: context.notifiedAt } : {}),
      ...(audience.owner ? { owner: audience.owner.to } : {}),
      ...(context.problems ? { problems: context.problems } : {}),
    });
    const eventId = `summary-${audience.id}-${summary.at}`;
    const record = {
      at: context.now,
      open: summary.open,
      ...(complete ? { keys: new Set(findingHashes(openFindings(audience.findings))) } : {}),
    };
    return { audience, route, notification: { kind: 'summary', summary, trigger: { eventId, detailType: 'Scheduled Summary' } }, record };
  });
}

/**
 * Every audience's summary over these findings (`summaryAudiences`, then `planAudiences`).
 *
 * @example
 * const [first] = planSummaries(findings, config, { now: new Date() });
 * renderer.render(first.notification, { locale: 'en', timeZone: 'UTC' });
 */
export function planSummaries(
  findings: readonly Finding[],
  config: NotifierConfig,
  context: SummaryContext & { readonly directory?: AccountDirectory },
  only?: string,
): PlannedSummary[] {
  const options = { ...(only === undefined ? {} : { only }), ...(context.directory ? { directory: context.directory } : {}) };
  return planAudiences(summaryAudiences(findings, config, options).audiences, config, context);
}
