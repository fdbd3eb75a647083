import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { aFinding, aFindingNotification, aTrigger, aVulnerabilityFinding } from '../../support/findings.js';
import { compiled, EN, JA, renderer } from './compiled.js';
import { fact } from './fixture-emails.js';

function linkTo($: cheerio.CheerioAPI, text: string): string | undefined {
  return $('a')
    .filter((_, el) => $(el).text().trim() === text)
    .attr('href');
}

describe('finding email HTML', () => {
  it('shows the facts a reader needs: badge, title, account, region, control, reasons, resources', () => {
    // Prepare
    const finding = aFinding();
    // Act
    const { html } = renderer.render(aFindingNotification(finding), EN);
    // Assess
    const $ = cheerio.load(html);
    const badge = $('span').filter((_, el) => ($(el).attr('style') ?? '').includes('background-color:#'));
    expect(badge.first().text()).toBe('MEDIUM');
    expect($('h1').text()).toBe(finding.title);
    expect(fact($, 'Account')).toBe('111122223333');
    expect(fact($, 'Region')).toBe('ap-northeast-1');
    expect(fact($, 'Control')).toBe('CIS.3.4');
    expect(fact($, 'Compliance status')).toBe('Failed');
    const reasons = $('li').text();
    expect(finding.compliance?.reasons.length).toBeGreaterThan(0);
    expect(finding.resources.length).toBeGreaterThan(0);
    for (const reason of finding.compliance?.reasons ?? []) {
      expect(reasons).toContain(reason.code);
      expect(reasons).toContain(reason.description);
    }
    for (const resource of finding.resources) expect($.text()).toContain(resource.id);
    expect($.text()).toContain('IsMultiRegionTrail: false');
    expect($('title').text()).toBe(finding.title);
    expect($('html').attr('lang')).toBe('en');
  });

  it('links the console and the remediation guide with their exact URLs', () => {
    const finding = aFinding();
    const $ = cheerio.load(renderer.render(aFindingNotification(finding), EN).html);
    expect(linkTo($, 'Open in the console')).toBe(finding.consoleUrl);
    expect(linkTo($, 'Open the remediation guide')).toBe(finding.remediation?.url);
    expect($(`a[href="${finding.sourceUrl}"]`).length).toBe(1);
  });

  it('shows the custom action as a banner only when a person pressed one', () => {
    const withAction = renderer.render(
      aFindingNotification(aFinding(), aTrigger({ name: 'SendToSecOps', description: 'Mail the team' })),
      EN,
    );
    const without = renderer.render(aFindingNotification(aFinding(), aTrigger()), EN);
    expect(cheerio.load(withAction.html)('strong').first().text()).toBe('Sent with the custom action: SendToSecOps');
    expect(withAction.html).toContain('Mail the team');
    expect(without.html).not.toContain('Sent with the custom action');
  });

  it('lists vulnerabilities with their ids, CVSS, packages and http(s) references', () => {
    const finding = aVulnerabilityFinding();
    const $ = cheerio.load(renderer.render(aFindingNotification(finding), EN).html);
    expect($.text()).toContain('CVE-2021-44228');
    expect($.text()).toContain('CVSS 10.0');
    expect($.text()).toContain('log4j-core 2.14.1');
    expect($('a[href="https://nvd.nist.gov/vuln/detail/CVE-2021-44228"]').length).toBe(1);
    expect($.text()).not.toContain('Status reasons');
  });

  it('bounds long lists and long descriptions with a visible note', () => {
    const resources = Array.from({ length: 25 }, (_, i) => ({
      type: 'AwsS3Bucket',
      id: `arn:aws:s3:::bucket-${i}`,
      tags: {},
      details: [],
    }));
    const finding = aFinding({ resources, description: 'x'.repeat(5000) });
    const $ = cheerio.load(renderer.render(aFindingNotification(finding), EN).html);
    expect($.text()).toContain('arn:aws:s3:::bucket-19');
    expect($.text()).not.toContain('arn:aws:s3:::bucket-20');
    expect($.text()).toContain('…and 5 more resources');
    expect($.text()).toContain('The description was shortened.');
    expect($.text()).not.toContain('x'.repeat(4001));
  });

  it('renders a sparse finding without empty sections', () => {
    const { compliance: _c, remediation: _r, note: _n, sourceUrl: _s, workflowStatus: _w, ...rest } = aFinding({ resources: [] });
    const $ = cheerio.load(renderer.render(aFindingNotification(rest), EN).html);
    expect(
      $('h2')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['Description', 'Details']);
    expect(linkTo($, 'Open in the console')).toBe(rest.consoleUrl);
  });

  it('uses Japanese labels and Tokyo time, the zone named, with locale ja', () => {
    const $ = cheerio.load(renderer.render(aFindingNotification(aFinding()), JA).html);
    expect($('html').attr('lang')).toBe('ja');
    expect(fact($, '重要度')).toBe('中');
    expect(fact($, 'アカウント')).toBe('111122223333');
    expect(fact($, 'リージョン')).toBe('ap-northeast-1');
    expect(fact($, '更新')).toBe('2020-07-25 16:06 (Asia/Tokyo)');
    expect(linkTo($, 'コンソールで開く')).toBe(aFinding().consoleUrl);
    expect($('h2').text()).toContain('修復手順');
  });

  it('loads nothing from the network: no web fonts, images, scripts or style sheets', () => {
    for (const notification of [aFindingNotification(), aFindingNotification(aVulnerabilityFinding())]) {
      const $ = cheerio.load(renderer.render(notification, EN).html);
      expect($('img, script, link, iframe, object').length).toBe(0);
      expect($('style').text()).not.toMatch(/@import|url\(/);
    }
    expect(Object.keys(compiled.locales)).toEqual(['en', 'ja']);
  });
});
