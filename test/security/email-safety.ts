/**
 * The checks every rendered email must pass, whatever the finding said: shared by the property
 * suite, the injection fixtures and the size limits.
 */
import { expect } from 'vitest';
import { SNS_MAX_BYTES, snsPublishInput, snsSubject } from '../../functions/adapters/sns-message.js';
import { parseConfig } from '../../functions/core/config.js';
import { createPipeline } from '../../functions/core/pipeline/pipeline.js';
import type { Notification } from '../../functions/core/policy/notification.js';
import type { Email } from '../../functions/core/render/email.js';
import { renderer } from '../../functions/core/render/prebuilt.js';
import type { RenderOptions } from '../../functions/core/render/renderer.js';
import { SUBJECT_MAX } from '../../functions/core/render/subject.js';
import { aDigest, aFindingNotification, anInsightNotification, aTrigger, aVulnerabilityFinding } from '../support/findings.js';
import { listFixtures, readFixture } from '../support/fixtures.js';
import { hasHidden, inspectHtml } from './html-safety.js';

export const LOCALES: readonly RenderOptions[] = [
  { locale: 'en', timeZone: 'UTC' },
  { locale: 'ja', timeZone: 'Asia/Tokyo' },
];
export const TOPIC = 'arn:aws:sns:us-east-1:111122223333:securityhub-alerts';

/** What benign renders of every template produce: the only elements and parse errors a hostile render may show. */
export const BASELINE = (() => {
  const tags = new Set<string>();
  const parseErrors = new Set<string>();
  const benign: Notification[] = [
    aFindingNotification(),
    aFindingNotification(aVulnerabilityFinding(), aTrigger({ name: 'Send to SOC', description: 'Mail the team' })),
    aDigest(),
    anInsightNotification(),
  ];
  // Every branch of the templates: the model builders above and every benign fixture (not hostile, not invalid).
  const fixtures = listFixtures().filter((f) => !f.invalid && f.group !== 'hostile' && !f.name.includes('markup'));
  const htmls = fixtures.flatMap((f) =>
    createPipeline(parseConfig({}), renderer)
      .plan(readFixture(f), f.name)
      .flatMap((o) => (o.kind === 'email' ? [o.email.html] : [])),
  );
  for (const notification of benign) for (const options of LOCALES) htmls.push(renderer.render(notification, options).html);
  for (const html of htmls) {
    const report = inspectHtml(html);
    if (report.problems.length > 0) throw new Error(`benign render is unsafe: ${report.problems.join('; ')}`);
    for (const tag of report.tags) tags.add(tag);
    for (const code of report.parseErrors) parseErrors.add(code);
  }
  // Unicode noncharacters (U+FDD0..U+FDEF, U+xFFFE/xFFFF) are a parse error by the letter of the HTML
  // spec but inert: browsers show them as unknown glyphs. Tolerated here, noted in SECURITY.md.
  parseErrors.add('noncharacter-in-input-stream');
  return { tags, parseErrors };
})();

/** The SNS Publish size as SNS counts it: message, subject and attributes. */
export function snsBytes(email: Email): number {
  const input = snsPublishInput(email, TOPIC);
  return (
    Buffer.byteLength(input.Message ?? '', 'utf8') +
    Buffer.byteLength(input.Subject ?? '', 'utf8') +
    Buffer.byteLength(JSON.stringify(input.MessageAttributes ?? {}), 'utf8')
  );
}

/** Asserts every guarantee of SECURITY.md that can be read off one email. */
export function expectSafeEmail(email: Email): void {
  expect(inspectHtml(email.html, BASELINE).problems).toEqual([]);
  expectCleanSubject(email);
  expect(snsBytes(email)).toBeLessThanOrEqual(SNS_MAX_BYTES);
  expectSafeHeaders(email);
  expect(hasHidden(email.text)).toBe(false);
}

/** The subject is one clean line of at most SUBJECT_MAX characters; the SNS subject printable ASCII within 100. */
export function expectCleanSubject(email: Email): void {
  expect(email.subject).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
  expect(hasHidden(email.subject)).toBe(false);
  expect(Array.from(email.subject).length).toBeLessThanOrEqual(SUBJECT_MAX);
  expect(snsSubject(email)).toMatch(/^[\x20-\x7e]{1,100}$/);
}

/** Only the known headers: `X-SecurityHub-*` values printable ASCII within 200, message ids `<local@domain>` lists. */
export function expectSafeHeaders(email: Email): void {
  for (const [name, value] of Object.entries(email.headers)) {
    expect(name).toMatch(/^(X-SecurityHub-[A-Za-z-]+|Message-ID|References|In-Reply-To)$/);
    expect(value).toMatch(
      name.startsWith('X-')
        ? /^[\x20-\x7e]{0,200}$/
        : /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>( <[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>)*$/,
    );
  }
}
