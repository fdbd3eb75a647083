/** Every email the pipeline makes from the fixtures, plus the builders with hostile values: the render suites' corpus. */
import { parseConfig } from '../../../functions/core/config.js';
import type { Finding } from '../../../functions/core/finding/model.js';
import { createPipeline } from '../../../functions/core/pipeline.js';
import type { Notification } from '../../../functions/core/render/email.js';
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

const HOSTILE =
  '<script>alert(1)</script><img src=x onerror="alert(2)">"\' `=& {{constructor}} {{{t.brand}}} {{#each x}} javascript:alert(3) \u202E日本語 ';

function hostileFinding(): Finding {
  const base = aVulnerabilityFinding();
  return {
    ...base,
    title: `Title ${HOSTILE}`,
    description: `Description ${HOSTILE}\nsecond line`,
    productName: `Product ${HOSTILE}`,
    companyName: `Company ${HOSTILE}`,
    types: [`Type ${HOSTILE}`, ''],
    resources: [{ type: `Rtype ${HOSTILE}`, id: `Rid ${HOSTILE}`, tags: { [`k ${HOSTILE}`]: HOSTILE, b: '' }, details: [HOSTILE] }],
    note: { text: `Note ${HOSTILE}`, updatedBy: `By ${HOSTILE}` },
  };
}

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

/** Fixture emails first, then the builders. */
export const ALL_NOTIFICATIONS: readonly NamedNotification[] = [...fixtureNotifications(), ...builders];
