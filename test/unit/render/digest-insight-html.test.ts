import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { aDigest, aFinding, anInsight, anInsightNotification, aTrigger } from '../../support/findings.js';
import { EN, JA, renderer } from './compiled.js';

describe('digest email HTML', () => {
  it('counts per severity and per control, then lists every finding most severe first with its link', () => {
    // Prepare
    const notification = aDigest();
    if (notification.kind !== 'digest') throw new Error('expected a digest');
    // Act
    const $ = cheerio.load(renderer.render(notification, EN).html);
    // Assess
    expect($('h1').text()).toBe('3 findings');
    const badges = $('span')
      .filter((_, el) => ($(el).attr('style') ?? '').includes('background-color:#'))
      .map((_, el) => $(el).text())
      .get();
    expect(badges.slice(0, 3)).toEqual(['CRITICAL', 'HIGH', 'LOW']); // the counts
    expect(badges.slice(3)).toEqual(['CRITICAL', 'HIGH', 'LOW']); // the findings, sorted
    expect($('td.mono').first().text()).toBe('CIS.3.4');
    expect($('td.mono').first().next().text()).toBe('2');
    const links = $('a')
      .map((_, el) => $(el).attr('href'))
      .get();
    expect(links.sort()).toEqual(notification.findings.map((f) => f.consoleUrl).sort());
    expect($.text()).toContain('Sent with the custom action: SendToSecOps');
  });

  it('bounds a flood to 50 findings with a note of how many more there are', () => {
    const findings = Array.from({ length: 60 }, (_, i) => aFinding({ id: `finding-${i}`, title: `Finding number ${i}` }));
    const $ = cheerio.load(renderer.render(aDigest(findings, aTrigger()), EN).html);
    expect($('a').length).toBe(50);
    expect($.text()).toContain('…and 10 more findings.');
    expect($.text()).not.toContain('Sent with the custom action');
  });

  it('uses Japanese labels with locale ja', () => {
    const $ = cheerio.load(renderer.render(aDigest(), JA).html);
    expect($('h1').text()).toBe('検出結果 3 件');
    expect(
      $('h2')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['重要度別', 'コントロール別', '検出結果']);
  });
});

describe('insight email HTML', () => {
  it('shows the insight name, what it groups by, the value -> count table and the console link', () => {
    const insight = anInsight();
    const $ = cheerio.load(renderer.render(anInsightNotification(insight), EN).html);
    expect($('h1').text()).toBe(insight.name);
    expect($.text()).toContain('ResourceId');
    const rows = $('td.mono:not(.fact-value)')
      .map((_, el) => `${$(el).text()}=${$(el).next().text()}`)
      .get();
    expect(rows).toEqual(insight.rows.map((row) => `${row.value}=${row.count}`));
    expect($('a').attr('href')).toBe(insight.consoleUrl);
  });
});
