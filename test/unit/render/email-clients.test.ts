/**
 * Long ARNs and URLs wrap in Gmail, Outlook and Yahoo (issue class 12). caniemail's data (through
 * `@jsx-email/doiuse-email`) marks `overflow-wrap`, `word-break` and `white-space` unsupported
 * there, so the layout must not depend on them: long tokens get `<wbr>` break opportunities and
 * line breaks are `<br>`. Every fixture email is checked, in both locales.
 */
import { doIUseEmail } from '@jsx-email/doiuse-email';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { ALL_NOTIFICATIONS } from './all-notifications.js';
import { EN, JA, renderer } from './compiled.js';

const FIXTURE_EMAILS = ALL_NOTIFICATIONS.filter((n) => n.name.startsWith('fixtures/'));
const CLIENTS = ['gmail.*', 'outlook.*', 'yahoo.*'];
/** What the layout relies on for long words and line breaks: none may be flagged in any of these clients. */
/** The errors of a report (a successful report has none). */
const errorsOf = (report: ReturnType<typeof doIUseEmail>): readonly string[] => ('errors' in report ? report.errors : []);
const LAYOUT_FEATURES = /`(overflow-wrap|word-break|white-space|hyphens|word-wrap)`/;

describe('email clients: the layout depends on nothing Gmail, Outlook or Yahoo ignore', () => {
  it.each([
    ['en', EN],
    ['ja', JA],
  ] as const)('no fixture email uses overflow-wrap, word-break or white-space (%s)', (_locale, options) => {
    for (const { name, notification } of FIXTURE_EMAILS) {
      const { html } = renderer.render(notification, options);
      const report = doIUseEmail(html, { emailClients: CLIENTS });
      const flagged = [...errorsOf(report), ...report.warnings].filter((line) => LAYOUT_FEATURES.test(line));
      expect({ name, flagged }).toEqual({ name, flagged: [] });
    }
  });

  it('the checker does flag the CSS the layout used to rely on (self-test)', () => {
    const report = doIUseEmail('<html><body><div style="overflow-wrap:anywhere;word-break:break-word">x</div></body></html>', {
      emailClients: CLIENTS,
    });
    expect(errorsOf(report).filter((line) => LAYOUT_FEATURES.test(line)).length).toBeGreaterThan(0);
  });

  it('gives every long ARN and URL break opportunities, and copying the text gives it back whole', () => {
    const [withArn] = FIXTURE_EMAILS.filter(({ name }) => name === 'fixtures/real/guardduty-ssh-bruteforce-docs.json');
    if (withArn === undefined) throw new Error('the GuardDuty docs sample gives no email');
    const { html } = renderer.render(withArn.notification, EN);
    const $ = cheerio.load(html);
    const id = 'arn:aws::ec2:us-east-1:193043430472:instance/i-0c10c2c7863d1a356';
    const holder = $('.mono').filter((_, el) => $(el).text() === id);
    expect(holder.length).toBeGreaterThan(0);
    expect(holder.first().find('wbr').length).toBeGreaterThan(2);
    // Inside attributes and the <title>, values stay whole.
    expect($('title').html()).not.toContain('wbr');
    for (const href of $('a[href]')
      .map((_, a) => $(a).attr('href'))
      .get())
      expect(href).not.toContain('<wbr>');
  });
});
