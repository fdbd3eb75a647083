/**
 * Shrinks a notification and its text body so an SNS message fits in 256 KB. Pure. Lists are
 * shortened and long strings cut at character boundaries; JSON is rebuilt, never cut.
 */
import type { Finding } from '../core/finding/model.js';
import type { Notification } from '../core/policy/notification.js';

/** How far to shorten: item counts and character lengths. */
export interface ShortenBounds {
  readonly resources: number;
  readonly items: number;
  readonly description: number;
  readonly text: number;
}

/** From mild to drastic; the builder tries them in turn. */
export const SHORTEN_LEVELS: readonly ShortenBounds[] = [
  { resources: 50, items: 50, description: 8000, text: 60_000 },
  { resources: 10, items: 10, description: 2000, text: 30_000 },
  { resources: 3, items: 3, description: 500, text: 12_000 },
  { resources: 0, items: 1, description: 200, text: 4_000 },
];

export interface Shortened {
  readonly notification: Notification;
  readonly text: string;
  /** e.g. `[shortened: 4990 resources / description cut]`; absent when nothing was cut. */
  readonly note?: string;
}

/**
 * Applies `bounds` to the notification's findings and to the text body, and says what it cut.
 *
 * @example
 * const { notification, text, note } = shortenNotification(email.notification, email.text, SHORTEN_LEVELS[0]);
 */
export function shortenNotification(notification: Notification, text: string, bounds: ShortenBounds): Shortened {
  const tally = { resources: 0, description: false, text: false };
  const shortenFinding = (finding: Finding): Finding => {
    const dropped = Math.max(0, finding.resources.length - bounds.resources);
    tally.resources += dropped;
    const description = cut(finding.description, bounds.description);
    if (description !== finding.description) tally.description = true;
    return {
      ...finding,
      description,
      resources: finding.resources.slice(0, bounds.resources),
      vulnerabilities: finding.vulnerabilities.slice(0, bounds.items),
      evidence: finding.evidence.slice(0, bounds.items),
      types: finding.types.slice(0, bounds.items),
      ...(finding.compliance ? { compliance: { ...finding.compliance, reasons: finding.compliance.reasons.slice(0, bounds.items) } } : {}),
    };
  };
  let shortened: Notification;
  if (notification.kind === 'finding') shortened = { ...notification, finding: shortenFinding(notification.finding) };
  else if (notification.kind === 'digest') shortened = { ...notification, findings: notification.findings.map(shortenFinding) };
  else if (notification.kind === 'summary') shortened = notification;
  else shortened = { ...notification, insight: { ...notification.insight, rows: notification.insight.rows.slice(0, bounds.items * 10) } };

  let body = text;
  const descriptions = notification.kind === 'finding' ? [notification.finding.description] : [];
  for (const description of descriptions) {
    if (description.length > bounds.description && body.includes(description)) {
      body = body.replace(description, () => `${cut(description, bounds.description)} ...`);
      tally.description = true;
    }
  }
  if (body.length > bounds.text) {
    body = cutAtLine(body, bounds.text);
    tally.text = true;
  }
  const parts = [
    ...(tally.resources > 0 ? [`${tally.resources} resources`] : []),
    ...(tally.description ? ['description cut'] : []),
    ...(tally.text ? ['text cut'] : []),
  ];
  if (parts.length === 0) return { notification: shortened, text: body };
  const note = `[shortened: ${parts.join(' / ')}]`;
  return { notification: shortened, text: `${body}\n\n${note}\n`, note };
}

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

function cutAtLine(text: string, max: number): string {
  const head = cut(text, max);
  const newline = head.lastIndexOf('\n');
  return newline > max / 2 ? head.slice(0, newline) : head;
}
