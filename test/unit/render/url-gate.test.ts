/** The renderer applies the readers' URL gate again: a URL that reached the model another way still cannot become a disguised link. */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderer } from '../../../functions/core/render/prebuilt.js';
import { aFinding, aFindingNotification } from '../../support/findings.js';

describe('links in the HTML body', () => {
  it('drop a URL that hides its host behind user info, and keep the console link', () => {
    // Prepare
    const disguised = 'https://docs.aws.amazon.com@evil.example/fix';
    const finding = aFinding({ remediation: { text: 'Fix it', url: disguised }, sourceUrl: disguised });

    // Act
    const email = renderer.render(aFindingNotification(finding), { locale: 'en', timeZone: 'UTC' });

    // Assess
    const hrefs = cheerio
      .load(email.html)('a[href]')
      .map((_, a) => cheerio.load(a)('a').attr('href'))
      .get();
    expect(hrefs).not.toContain(disguised);
    expect(hrefs.some((href) => href.includes('evil.example'))).toBe(false);
    expect(hrefs).toContain(finding.consoleUrl);
    expect(email.text).not.toMatch(/^https:\/\/docs\.aws\.amazon\.com@/m);
  });
});
