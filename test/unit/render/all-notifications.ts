/** Every email the pipeline makes from the fixtures, plus the builders with hostile values: the render suites' corpus. */
import { parseConfig } from '../../../functions/core/config.js';
import { createPipeline } from '../../../functions/core/pipeline/pipeline.js';
import type { Notification } from '../../../functions/core/policy/notification.js';
import { FALLBACK_ROUTE } from '../../../functions/core/policy/route.js';
import { findingHashes } from '../../../functions/core/summary/last-summary.js';
import { planAudiences, planSummaries } from '../../../functions/core/summary/route-summaries.js';
import {
  aDigest,
  aFinding,
  aFindingNotification,
  anInsight,
  anInsightNotification,
  aTrigger,
  aVulnerabilityFinding,
} from '../../support/findings.js';
import { listFixtures, readFixture } from '../../support/fixtures.js';
import { renderer } from './compiled.js';
import { HOSTILE, hostileFinding } from './hostile.js';

export interface NamedNotification {
  readonly name: string;
  readonly notification: Notification;
}

/** Lets every finding through (PASSED, archived, resolved), so every fixture yields its emails. */
const PERMISSIVE = parseConfig({
  transport: 'file',
  filters: {
    workflowStatuses: ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'],
    recordStates: ['ACTIVE', 'ARCHIVED'],
    complianceStatuses: ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'],
  },
});

function fixtureNotifications(): NamedNotification[] {
  const pipeline = createPipeline(PERMISSIVE, renderer);
  return listFixtures()
    .filter((fixture) => !fixture.invalid)
    .flatMap((fixture) => {
      let json: unknown;
      try {
        json = readFixture(fixture);
      } catch {
        return [];
      }
      return pipeline
        .plan(json, fixture.name)
        .flatMap((outcome) => (outcome.kind === 'email' ? [{ name: fixture.name, notification: outcome.email.notification }] : []));
    });
}

const builders: NamedNotification[] = [
  { name: 'aFindingNotification', notification: aFindingNotification() },
  {
    name: 'aVulnerabilityFinding',
    notification: aFindingNotification(aVulnerabilityFinding(), aTrigger({ name: 'Send', description: 'why' })),
  },
  {
    name: 'hostile finding',
    notification: aFindingNotification(hostileFinding(), aTrigger({ name: `A ${HOSTILE}`, description: HOSTILE })),
  },
  { name: 'aDigest', notification: aDigest([hostileFinding(), aFinding(), aVulnerabilityFinding()], aTrigger({ name: HOSTILE })) },
  { name: 'anInsightNotification', notification: anInsightNotification() },
  {
    name: 'hostile insight',
    notification: anInsightNotification(anInsight({ name: HOSTILE, resultType: HOSTILE, rows: [{ value: HOSTILE, count: 0 }] })),
  },
];

/** A summary of every fixture finding (with a problem line), and one of hostile findings. */
function summaries(fixtures: readonly NamedNotification[]): NamedNotification[] {
  const findings = fixtures.flatMap(({ notification: n }) => (n.kind === 'finding' ? [n.finding] : n.kind === 'digest' ? n.findings : []));
  const now = new Date('2026-03-31T08:00:00Z');
  const hostile = [hostileFinding(), { ...hostileFinding(), key: 'other', severity: 'CRITICAL' as const, accountName: HOSTILE }];
  return [
    ...planSummaries(findings, PERMISSIVE, { now, problems: ['organizations: ThrottlingException'] }).map(({ notification }) => ({
      name: 'summary of the fixtures',
      notification,
    })),
    ...planSummaries(hostile, PERMISSIVE, { now, problems: [HOSTILE] }).map(({ notification }) => ({
      name: 'hostile summary',
      notification,
    })),
    // An owner's summary against a last summary, with the notifier's mail count: every optional line shown.
    ...planAudiences([{ id: 'owner', route: FALLBACK_ROUTE, owner: { to: HOSTILE, accounts: [] }, findings: hostile }], PERMISSIVE, {
      now,
      last: () => ({ at: new Date('2026-03-24T08:00:00Z'), open: 3, keys: new Set(findingHashes(hostile.slice(1))) }),
      notifiedAt: new Map(hostile.map((f) => [f.key, '2026-03-30T00:00:00.000Z'])),
    }).map(({ notification }) => ({ name: 'hostile owner summary against the last one', notification })),
  ];
}

const fromFixtures = fixtureNotifications();

/** Fixture emails first, then the builders, then the summaries. */
export const ALL_NOTIFICATIONS: readonly NamedNotification[] = [...fromFixtures, ...builders, ...summaries(fromFixtures)];
