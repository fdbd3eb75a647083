/** File names for the outbox: readable, unique within a run, the same across runs for the same inputs. Pure. */
import type { Severity } from '../core/finding/model.js';
import { mostSevere } from '../core/finding/severity.js';
import type { Notification } from '../core/policy/notification.js';

export const SLUG_MAX = 60;

/**
 * The stem for the `index`-th email (0-based) of a run: `<NNN>-<severity>-<slug of title>`.
 *
 * @example
 * outboxStem(0, notification) // '001-medium-3-4-ensure-a-log-metric-filter-and-alarm-exist-for-iam'
 */
export function outboxStem(index: number, notification: Notification): string {
  const number = String(index + 1).padStart(3, '0');
  const slug = slugify(title(notification)) || notification.kind;
  return `${number}-${label(notification)}-${slug}`;
}

/** ASCII, lower case, `a-z0-9` runs joined by `-`, at most 60 characters, no trailing dash. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

function title(notification: Notification): string {
  if (notification.kind === 'finding') return notification.finding.title;
  if (notification.kind === 'digest') return `${notification.findings.length} findings ${notification.findings[0]?.title ?? ''}`;
  if (notification.kind === 'summary') return [notification.summary.route, notification.summary.owner].filter(Boolean).join(' ');
  return notification.insight.name;
}

function label(notification: Notification): string {
  if (notification.kind === 'insight') return 'insight';
  if (notification.kind === 'summary') return 'summary';
  const severities: readonly Severity[] =
    notification.kind === 'finding' ? [notification.finding.severity] : notification.findings.map((f) => f.severity);
  return (mostSevere(severities) ?? 'INFORMATIONAL').toLowerCase();
}
