/**
 * The key proof: for every email the pipeline makes from every fixture, and for the builders
 * (hostile values included), in both locales, the generated render functions produce exactly
 * the bytes Handlebars produces from the same templates.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../functions/core/config.js';
import type { Finding } from '../../../functions/core/finding/model.js';
import { createPipeline } from '../../../functions/core/pipeline.js';
import { createRenderer } from '../../../functions/core/render/create-renderer.js';
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
import { EN, JA, renderer } from './compiled.js';
import { reference } from './handlebars-reference.js';

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

function fixtureNotifications(): { name: string; notification: Notification }[] {
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

const builders: { name: string; notification: Notification }[] = [
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

const handlebars = createRenderer(reference);
const all = [...fixtureNotifications(), ...builders];

describe('generated render functions vs Handlebars', () => {
  it('covers every kind of email, from many fixtures', () => {
    expect(new Set(all.map((n) => n.notification.kind))).toEqual(new Set(['finding', 'digest', 'insight']));
    expect(all.length).toBeGreaterThan(40);
  });

  it.each([
    ['en', EN],
    ['ja', JA],
  ] as const)('render every email byte for byte as Handlebars does (%s)', (_locale, options) => {
    for (const { name, notification } of all) {
      const ours = renderer.render(notification, options);
      const theirs = handlebars.render(notification, options);
      expect({ name, html: ours.html }).toEqual({ name, html: theirs.html });
      expect({ name, text: ours.text }).toEqual({ name, text: theirs.text });
      expect({ name, subject: ours.subject }).toEqual({ name, subject: theirs.subject });
    }
  });
});
