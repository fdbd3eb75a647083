/**
 * Size and shape limits: huge text, thousands of list items, deep nesting and thousands of findings
 * in one Custom Action give emails of bounded size, with a visible note of what was shortened, and
 * every finding is still accounted for. Time is not checked here: `npm run bench` measures it.
 */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config.js';
import { createPipeline } from '../../functions/core/pipeline/pipeline.js';
import type { Email } from '../../functions/core/render/email.js';
import { LIMITS } from '../../functions/core/render/limits.js';
import { renderer } from '../../functions/core/render/prebuilt.js';
import { readFixture } from '../support/fixtures.js';
import { expectSafeEmail } from './email-safety.js';

/** An email body a mail client shows without clipping (Gmail clips above 102 KB) and SES accepts with room to spare. */
const HTML_MAX = 100 * 1024;
const TEXT_MAX = 64 * 1024;

const pipeline = createPipeline(parseConfig({}), renderer);

type Asff = Record<string, unknown> & { Resources: Record<string, unknown>[]; Compliance: Record<string, unknown> };
type SeedEvent = { 'detail-type': string; detail: Record<string, unknown> & { findings: Asff[] } };

function seedEvent(change: (finding: Asff, event: SeedEvent) => void): SeedEvent {
  const event = structuredClone(readFixture('fixtures/seed/cis-3.4-imported-event.json')) as SeedEvent;
  change(event.detail.findings[0] as Asff, event);
  return event;
}

function emails(event: unknown): Email[] {
  const outcomes = pipeline.plan(event, 'limits');
  expect(outcomes.map((o) => o.kind)).toEqual(outcomes.map(() => 'email'));
  return outcomes.flatMap((o) => (o.kind === 'email' ? [o.email] : []));
}

function one(event: unknown): Email {
  const [email, ...rest] = emails(event);
  expect(rest).toHaveLength(0);
  if (!email) throw new Error('no email');
  expectSafeEmail(email);
  expect(email.html.length).toBeLessThan(HTML_MAX);
  expect(email.text.length).toBeLessThan(TEXT_MAX);
  return email;
}

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { level: value };
  return value;
};

describe('size and shape limits', () => {
  it('shortens a 5 MB description and says so', () => {
    const email = one(
      seedEvent((f) => {
        f.Description = 'word '.repeat(1_000_000);
      }),
    );
    const note = 'The description was shortened. Open the finding in the console to read all of it.';
    expect(cheerio.load(email.html).root().text()).toContain(note);
    expect(email.text).toContain(note);
  });

  it('shortens a 1 MB title, note and remediation text, each ending with an ellipsis', () => {
    const email = one(
      seedEvent((f) => {
        f.Title = 't'.repeat(1_000_000);
        f.Note = { Text: 'n'.repeat(1_000_000), UpdatedBy: 'u'.repeat(100_000), UpdatedAt: '2024-05-02T10:00:00.000Z' };
        f.Remediation = { Recommendation: { Text: 'r'.repeat(1_000_000) } };
      }),
    );
    const kept = LIMITS.valueChars - 1;
    for (const char of ['t', 'n', 'r']) {
      expect(email.text).toContain(`${char.repeat(kept)}…`);
      expect(email.text).not.toContain(char.repeat(kept + 1));
    }
    expect(email.subject.length).toBeLessThanOrEqual(150);
    expect(email.subject.startsWith('[MEDIUM] ')).toBe(true);
  });

  it(`lists ${LIMITS.resources} of 5,000 resources and names how many more there are`, () => {
    const email = one(
      seedEvent((f) => {
        f.Resources = Array.from({ length: 5000 }, (_, i) => ({ Type: 'AwsEc2SecurityGroup', Id: `sg-${String(i).padStart(17, '0')}` }));
      }),
    );
    const more = `${5000 - LIMITS.resources} more resources`;
    expect(cheerio.load(email.html).root().text()).toContain(more);
    expect(email.text).toContain(more);
  });

  it.each([
    ['ProductFields', (f: Asff) => (f.ProductFields = { deep: nested(5000) } as unknown as Record<string, string>)],
    ['Resources[0].Details.Other', (f: Asff) => ((f.Resources[0] as Asff).Details = { Other: nested(5000) })],
    ['Resources[0].Details.AwsS3Bucket', (f: Asff) => ((f.Resources[0] as Asff).Details = { AwsS3Bucket: nested(5000) })],
  ])('reads 5,000 levels of nesting in %s without a stack overflow', (_where, change) => {
    one(seedEvent(change));
  });

  it('ignores 50,000 ProductFields and summarises 5,000 resource details in a few lines', () => {
    const email = one(
      seedEvent((f) => {
        f.ProductFields = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 'v'.repeat(100)]));
        (f.Resources[0] as Asff).Details = {
          Other: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'v'.repeat(100)])),
        };
      }),
    );
    expect(email.text).toContain(`k0: ${'v'.repeat(100)}`);
    expect(email.text).toContain('k5: ');
    expect(email.text).not.toContain('k6: ');
  });

  it('bounds 2,000 vulnerabilities with 100 references and 100 packages each, and names how many more', () => {
    const email = one(
      seedEvent((f) => {
        f.Vulnerabilities = Array.from({ length: 2000 }, (_, i) => ({
          Id: `CVE-2024-${i}`,
          ReferenceUrls: Array.from({ length: 100 }, (_, j) => `https://nvd.example/${i}/${j}`),
          VulnerablePackages: Array.from({ length: 100 }, (_, j) => ({ Name: `pkg${j}`, Version: '1.0.0' })),
        }));
      }),
    );
    expect(email.text).toContain(`${2000 - LIMITS.vulnerabilities} more vulnerabilities`);
    expect(email.text).toContain('CVE-2024-0');
    expect(email.text).not.toContain(`CVE-2024-${LIMITS.vulnerabilities}\n`);
  });

  // Each list is cut at its limit (functions/core/render/limits.ts) with a `+N more` line.
  it.each([
    [
      'status reasons',
      LIMITS.reasons,
      (f: Asff) => (f.Compliance.StatusReasons = many((i) => ({ ReasonCode: `CODE_${i}`, Description: 'x'.repeat(100) }))),
    ],
    ['finding types', LIMITS.types, (f: Asff) => (f.Types = many((i) => `Software and Configuration Checks/${i}/${'y'.repeat(80)}`))],
    [
      'related requirements',
      LIMITS.relatedRequirements,
      (f: Asff) => (f.Compliance.RelatedRequirements = many((i) => `Requirement ${i} ${'z'.repeat(90)}`)),
    ],
    [
      'standards',
      LIMITS.standards,
      (f: Asff) => (f.Compliance.AssociatedStandards = many((i) => ({ StandardsId: `standards/${i}/${'s'.repeat(90)}` }))),
    ],
    [
      'tags on one resource',
      LIMITS.tagsPerResource,
      (f: Asff) => ((f.Resources[0] as Asff).Tags = Object.fromEntries(many((i) => [`key${i}`, 'v'.repeat(100)]))),
    ],
  ])('bounds 5,000 %s at %i with a "+N more" line, under 100 KB', (_what, limit, change) => {
    const email = one(seedEvent(change));
    expect(email.text).toContain(`+${5000 - limit} more`);
  });

  it('splits 3,000 findings of one Custom Action into bounded digests that together name every finding', () => {
    const event = seedEvent((f, e) => {
      e['detail-type'] = 'Security Hub Findings - Custom Action';
      e.detail.actionName = 'SendToSOC';
      e.detail.findings = Array.from({ length: 3000 }, (_, i) => ({
        ...structuredClone(f),
        Id: `${String(f.Id)}-${i}`,
        Title: `Finding ${i}`,
      }));
    });
    const digests = emails(event);
    const named = new Set<string>();
    for (const email of digests) {
      expectSafeEmail(email);
      expect(email.html.length).toBeLessThan(HTML_MAX);
      if (email.notification.kind === 'digest') for (const f of email.notification.findings) named.add(f.id);
      else if (email.notification.kind === 'finding') named.add(email.notification.finding.id);
    }
    expect(named.size).toBe(3000);
    expect(digests.length).toBeLessThanOrEqual(Math.ceil(3000 / LIMITS.digestFindings));
  });
});

function many<T>(make: (i: number) => T): T[] {
  return Array.from({ length: 5000 }, (_, i) => make(i));
}
