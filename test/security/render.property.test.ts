/**
 * Property tests on the renderer and the transports' message builders: whatever text a finding
 * carries, the HTML parses cleanly with no executable markup, no event handlers and only http(s)
 * links; the subject is one clean line; SNS gets an ASCII subject of at most 100 characters and a
 * message within 256 KB; headers are printable ASCII; the text body comes from the text template.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sesSendInputs } from '../../functions/adapters/ses-transport.js';
import { SNS_MAX_BYTES, snsPublishInput, snsSubject } from '../../functions/adapters/sns-message.js';
import type { Notification } from '../../functions/core/policy/notification.js';
import type { Email } from '../../functions/core/render/email.js';
import { line } from '../../functions/core/render/finding-view.js';
import { renderer } from '../../functions/core/render/prebuilt.js';
import type { RenderOptions } from '../../functions/core/render/renderer.js';
import { BASELINE, expectCleanSubject, expectSafeHeaders, LOCALES, snsBytes, TOPIC } from './email-safety.js';
import { hostileNotification } from './hostile-notifications.js';
import { SEED } from './hostile-strings.js';
import { hasHidden, inspectHtml } from './html-safety.js';

const RUNS = 300;

const render = (notification: Notification, localeIndex: number): Email =>
  renderer.render(notification, LOCALES[localeIndex % LOCALES.length] as RenderOptions);

const cases = fc.tuple(hostileNotification, fc.nat(1));

describe('rendering hostile findings (fast-check, fixed seed)', () => {
  it('keeps the HTML well-formed: no executable markup, no event handlers, only http(s) links, no hidden characters', () => {
    fc.assert(
      fc.property(cases, ([notification, locale]) => {
        const { html } = render(notification, locale);
        expect(inspectHtml(html, BASELINE).problems).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('makes the subject one clean line of at most 150 characters, and the SNS subject ASCII within 100', () => {
    fc.assert(
      fc.property(cases, ([notification, locale]) => {
        const email = render(notification, locale);
        expectCleanSubject(email);
        const sns = snsSubject(email);
        expect(sns).toMatch(/^[A-Za-z0-9!"#%&'()*,\-./:;?@[\\\]_{}][\x20-\x7e]*$/);
        expect(sns.length).toBeLessThanOrEqual(100);
        expect(snsPublishInput(email, TOPIC).Subject).toBe(sns);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keeps every SNS message within 256 KB and every header value printable ASCII', () => {
    fc.assert(
      fc.property(cases, ([notification, locale]) => {
        const email = render(notification, locale);
        expect(snsBytes(email)).toBeLessThanOrEqual(SNS_MAX_BYTES);
        expectSafeHeaders(email);
        const [ses] = sesSendInputs(email, { from: 'notifier@example.com', to: ['soc@example.com'] });
        for (const header of ses?.Content?.Simple?.Headers ?? []) expect(header.Value).toMatch(/^[\x20-\x7e]*$/);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('renders the text body from its own template: values shown verbatim (not HTML-escaped), no hidden characters', () => {
    fc.assert(
      fc.property(cases, ([notification, locale]) => {
        const { text } = render(notification, locale);
        expect(hasHidden(text)).toBe(false);
        // Handlebars' HTML escapes never reach the text body (a value would have to contain them itself).
        expect(text).not.toMatch(/&#x(27|3D|60);/);
        if (notification.kind === 'finding') expect(text).toContain(line(notification.finding.title) ?? '-');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('adds no markup of its own to the text body: without "<" in the values there is none in the text', () => {
    fc.assert(
      fc.property(cases, ([notification, locale]) => {
        const { text, html } = render(withoutAngleBrackets(notification), locale);
        expect(html).toMatch(/<table/);
        expect(text).not.toContain('<');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** The notification with every `<` removed from every string in it. */
function withoutAngleBrackets<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('<', '') as T;
  if (Array.isArray(value)) return value.map(withoutAngleBrackets) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutAngleBrackets(k), withoutAngleBrackets(v)])) as T;
  }
  return value;
}
