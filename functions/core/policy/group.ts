/**
 * Grouping and flood digests. Findings to mail are grouped by route and by the configured key
 * fields; a group above the threshold becomes one digest listing every finding in it, most severe
 * first. A group never spans two routes, so a digest never mixes recipients.
 */
import type { Finding, Trigger } from '../finding/model.js';
import { severityRank } from '../finding/severity.js';
import type { Notification } from './notification.js';
import type { GroupField, Route } from './policy-config.js';
import type { StoredState } from './state.js';

/** A finding chosen for an email, with where it came from and why. */
export interface ChosenFinding {
  readonly finding: Finding;
  readonly trigger: Trigger;
  /** The input it came from: a file name (replay), an SQS message id (Lambda). */
  readonly input: string;
  /** Why it is mailed, e.g. `new`, `changed: severity MEDIUM -> HIGH`, `custom action`. */
  readonly reason: string;
  readonly route: Route;
  /** What was recorded before this window, if anything: a later mail about the same finding (email threading). */
  readonly previous?: StoredState;
}

export interface PlannedNotification {
  readonly notification: Notification;
  readonly route: Route;
  /** Every finding this email shows, in the order it shows them. */
  readonly findings: readonly ChosenFinding[];
}

/**
 * The most findings one digest lists: that keeps a mail under Gmail's 102 KB clipping and SNS's
 * 256 KB, so a bigger group is sent as several digests, most severe first.
 */
export const MAX_DIGEST_FINDINGS = 50;

export interface DigestOptions {
  readonly groupBy: readonly GroupField[];
  readonly threshold: number;
}

/**
 * Turns chosen findings into notifications: one email each up to `threshold` per group, digests of
 * at most `MAX_DIGEST_FINDINGS` above it. Findings a person selected by hand (Custom Action) are one email per selection.
 * Notifications come most severe first.
 *
 * @example
 * groupFindings(chosen, config.policy.digest) // [{ notification: { kind: 'digest', ... }, route, findings }]
 */
export function groupFindings(chosen: readonly ChosenFinding[], options: DigestOptions): PlannedNotification[] {
  const groups = new Map<Route, Map<string, ChosenFinding[]>>();
  for (const item of chosen) {
    const byKey = groups.get(item.route) ?? new Map<string, ChosenFinding[]>();
    groups.set(item.route, byKey);
    const key = item.trigger.action ? `action\u0000${item.trigger.eventId}` : groupKey(item.finding, options.groupBy);
    // A route that sends to account owners never groups two accounts into one email.
    const ownerKey = item.route.owner && !item.trigger.action ? `${key}\u0000${item.finding.accountId}` : key;
    const items = byKey.get(ownerKey);
    if (items) items.push(item);
    else byKey.set(ownerKey, [item]);
  }
  const planned: PlannedNotification[] = [];
  for (const [route, byKey] of groups) {
    for (const [key, items] of byKey) {
      const sorted = [...items].sort((a, b) => compareFindings(a.finding, b.finding));
      const [first] = sorted;
      const selection = key.startsWith('action\u0000') && sorted.length > 1;
      if (first && (selection || sorted.length > options.threshold)) {
        const trigger: Trigger = selection ? first.trigger : { eventId: first.trigger.eventId, detailType: first.trigger.detailType };
        for (let i = 0; i < sorted.length; i += MAX_DIGEST_FINDINGS) {
          const part = sorted.slice(i, i + MAX_DIGEST_FINDINGS);
          planned.push({ notification: { kind: 'digest', findings: part.map((p) => p.finding), trigger }, route, findings: part });
        }
      } else {
        for (const item of sorted) {
          planned.push({ notification: { kind: 'finding', finding: item.finding, trigger: item.trigger }, route, findings: [item] });
        }
      }
    }
  }
  return planned.sort((a, b) => compareFindings(head(a), head(b)));
}

/** The group key of a finding: the configured fields, joined. */
export function groupKey(finding: Finding, fields: readonly GroupField[]): string {
  const value: Record<GroupField, string> = {
    accountId: finding.accountId,
    severity: finding.severity,
    region: finding.region,
    productName: finding.productName,
    controlId: finding.compliance?.controlId ?? '',
    resourceType: finding.resources[0]?.type ?? '',
  };
  return fields.map((field) => value[field]).join('\u0000');
}

/** Most severe first; then by control, title and key, so the order is stable. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.compliance?.controlId ?? '', b.compliance?.controlId ?? '') ||
    compareText(a.title, b.title) ||
    compareText(a.key, b.key)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function head(planned: PlannedNotification): Finding {
  const [first] = planned.findings;
  if (!first) throw new Error('a planned notification always has a finding');
  return first.finding;
}
