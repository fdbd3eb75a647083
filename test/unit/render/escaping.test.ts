import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { aDigest, aFinding, aFindingNotification, anInsight, anInsightNotification, aTrigger } from '../../support/findings.js';
import { EN, renderer, textLines } from './compiled.js';
import { HOSTILE, hostileFinding } from './hostile.js';

describe('hostile finding values', () => {
  const notifications = [
    aFindingNotification(hostileFinding(), aTrigger({ name: `Action ${HOSTILE}`, description: `Why ${HOSTILE}` })),
    aDigest([hostileFinding(), aFinding()], aTrigger({ name: `Action ${HOSTILE}` })),
    anInsightNotification(
      anInsight({
        name: `Insight ${HOSTILE}`,
        resultType: HOSTILE,
        rows: [{ value: HOSTILE, count: 1 }],
        consoleUrl: 'javascript:alert(8)',
      }),
    ),
  ];

  it.each(notifications.map((n) => [n.kind, n] as const))(
    'never become markup, handlers or script links in the %s HTML',
    (_kind, notification) => {
      // Act
      const $ = cheerio.load(renderer.render(notification, EN).html);
      // Assess
      expect($('script, img, iframe').length).toBe(0);
      const attributes = $('*')
        .toArray()
        .flatMap((el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {}));
      expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
      const hrefs = $('[href]')
        .map((_, el) => $(el).attr('href'))
        .get();
      // A console link that is not http(s) is left out, and the email says there is none.
      if (hrefs.length === 0) expect($('body').text()).toContain('No console link');
      for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
      // The values are shown literally, template syntax included.
      expect($('body').text()).toContain('<script>alert(1)</script>');
      expect($('body').text()).toContain('{{constructor}} {{{t.brand}}}');
    },
  );

  it.each(notifications.map((n) => [n.kind, n] as const))(
    'are shown literally in the %s text body, without links to script URLs',
    (_kind, notification) => {
      const { text } = renderer.render(notification, EN);
      expect(text).toContain('{{constructor}} {{{t.brand}}}');
      expect(text).not.toContain('AWS Security Hub {{'); // t.brand was not evaluated
      const links = textLines(text).filter((line) => /^[a-z]+:[^\s]/i.test(line) && !line.includes(' '));
      // At least the console link, or the sentence that there is none.
      expect(links.length > 0 || text.includes('No console link')).toBe(true);
      for (const link of links) expect(link).toMatch(/^https?:\/\//);
      expect(text).not.toMatch(/^(javascript|data|vbscript):/m);
    },
  );

  it('cannot forge lines in the text body or the subject with CR/LF or hide text with bidi overrides', () => {
    const finding = aFinding({ title: 'Safe\r\nAccount: 999999999999\u202Egnp.exe\u200B', accountId: '111122223333\nBcc: x' });
    const email = renderer.render(aFindingNotification(finding), EN);
    expect(email.subject).toBe('[MEDIUM] CIS.3.4 Safe Account: 999999999999gnp.exe | 111122223333 Bcc: x ap-northeast-1');
    expect(textLines(email.text)).not.toContain('Account: 999999999999gnp.exe');
    expect(email.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\r]/);
    for (const value of Object.values(email.headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
  });
});
