/**
 * Imported events built from the seed fixture, for the handler, fault and replay scenarios:
 * each with its own finding Id, a tag in the title, and the severity, account and times asked for.
 */
import type { Severity } from '../../functions/core/finding/model.js';
import { readFixtureText } from './fixtures.js';

const SEED_TEXT = readFixtureText('fixtures/seed/cis-3.4-imported-event.json');
const NORMALIZED: Readonly<Record<Severity, number>> = { INFORMATIONAL: 0, LOW: 20, MEDIUM: 40, HIGH: 70, CRITICAL: 90 };

export interface SeedOptions {
  /** Goes into the finding Id and the title as `[tag]`. */
  readonly tag: string;
  readonly severity?: Severity;
  readonly account?: string;
  readonly updatedAt?: string;
  /** @default `event-<tag>` */
  readonly eventId?: string;
}

/** An EventBridge event as JSON: the finding's ASFF fields are left untyped, for tests to change or delete. */
export interface SeedEvent {
  id: string;
  detail: { findings: Record<string, unknown>[] };
  [field: string]: unknown;
}

/** One `Security Hub Findings - Imported` event holding one finding. */
export function seedEvent(options: SeedOptions): SeedEvent {
  const event = JSON.parse(SEED_TEXT);
  const [finding] = event.detail.findings;
  const severity = options.severity ?? 'MEDIUM';
  event.id = options.eventId ?? `event-${options.tag}`;
  finding.Id = `${finding.Id}-${options.tag}`;
  finding.Title = `${finding.Title} [${options.tag}]`;
  finding.Severity = { Label: severity, Normalized: NORMALIZED[severity], Original: severity };
  finding.ProductFields['aws/securityhub/SeverityLabel'] = severity;
  if (options.account) finding.AwsAccountId = options.account;
  if (options.updatedAt) finding.UpdatedAt = options.updatedAt;
  return event;
}

const SEVERITY_CYCLE: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];

/** `count` distinct findings over two accounts and five severities: ten groups of `count / 10`. */
export function floodEvents(count: number): { tag: string; event: SeedEvent }[] {
  return Array.from({ length: count }, (_, i) => {
    const tag = `f${String(i).padStart(4, '0')}`;
    const severity = SEVERITY_CYCLE[i % 5] ?? 'MEDIUM';
    const account = Math.floor(i / 5) % 2 === 0 ? '111122223333' : '444455556666';
    return { tag, event: seedEvent({ tag, severity, account }) };
  });
}

/** The Id of the event's (first) finding. */
export function findingIdOf(event: SeedEvent): string {
  return String(event.detail.findings[0]?.Id);
}
