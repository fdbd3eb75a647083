/**
 * Done means (issue 14): every email replay makes from `fixtures/` is readable in English and in
 * Japanese (no `undefined`, `[object Object]`, `NaN` or 1970 date anywhere), and the HTML of the
 * largest real finding stays under Gmail's clipping limit.
 */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { ALL_NOTIFICATIONS } from './all-notifications.js';
import { EN, JA, renderer } from './compiled.js';

const FIXTURE_EMAILS = ALL_NOTIFICATIONS.filter((n) => n.name.startsWith('fixtures/'));
/** Gmail clips a message whose HTML is larger than 102 KB ("[Message clipped]"). */
const GMAIL_CLIP_BYTES = 102 * 1024;
const UNREADABLE = /\bundefined\b|\[object Object\]|\bNaN\b|\b1970-\d\d-\d\d\b/;

describe('every fixture email is readable', () => {
  it('covers every kind of fixture', () => {
    expect(FIXTURE_EMAILS.length).toBeGreaterThan(60);
    expect(new Set(FIXTURE_EMAILS.map((n) => n.name.split('/')[1]))).toEqual(
      new Set(['edge', 'facts', 'hostile', 'insight', 'ocsf', 'real', 'seed']),
    );
  });

  it.each([
    ['en', EN],
    ['ja', JA],
  ] as const)('no undefined, [object Object], NaN or 1970 date in any subject, HTML or text body (%s)', (_locale, options) => {
    for (const { name, notification } of FIXTURE_EMAILS) {
      const email = renderer.render(notification, options);
      const visible = cheerio.load(email.html)('html').text();
      for (const [part, text] of [
        ['subject', email.subject],
        ['html', visible],
        ['text', email.text],
      ] as const) {
        expect({ name, part, found: UNREADABLE.exec(text)?.[0] }).toEqual({ name, part, found: undefined });
      }
    }
  });

  it("keeps the largest real finding's HTML under Gmail's 102 KB clipping limit", () => {
    const sizes = FIXTURE_EMAILS.filter((n) => n.name.startsWith('fixtures/real/') && n.notification.kind === 'finding').flatMap(
      ({ name, notification }) =>
        [EN, JA].map((options) => ({ name, bytes: Buffer.byteLength(renderer.render(notification, options).html) })),
    );
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    expect(largest.bytes).toBeGreaterThan(10 * 1024);
    expect(largest.bytes, largest.name).toBeLessThan(GMAIL_CLIP_BYTES);
  });
});
