import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../functions/core/config.js';
import type { Finding, Severity } from '../../../functions/core/finding/model.js';
import { renderer } from '../../../functions/core/render/prebuilt.js';
import { buildSummary, isOpen } from '../../../functions/core/summary/build-summary.js';
import { periodMs, planSummaries } from '../../../functions/core/summary/route-summaries.js';
import { SUMMARY_LIMITS } from '../../../functions/core/summary/summary.js';
import { aFinding } from '../../support/findings.js';

const NOW = new Date('2026-03-31T08:00:00Z');
const SINCE = new Date('2026-03-24T08:00:00Z');

function finding(n: number, overrides: Partial<Finding> = {}): Finding {
  return aFinding({ key: `k${n}`, id: `id-${n}`, title: `finding ${n}`, firstObservedAt: '2026-01-01T00:00:00Z', ...overrides });
}

describe('buildSummary', () => {
  it('counts open findings by severity, new and resolved since the last summary, and the trend', () => {
    const findings = [
      finding(1, { severity: 'CRITICAL' }),
      finding(2, { severity: 'HIGH', firstObservedAt: '2026-03-30T00:00:00Z' }),
      finding(3, { severity: 'LOW', workflowStatus: 'RESOLVED', updatedAt: '2026-03-25T00:00:00Z' }),
      finding(4, { severity: 'LOW', recordState: 'ARCHIVED', updatedAt: '2026-01-25T00:00:00Z' }),
      // An older copy of finding 1 in the same export counts once.
      finding(1, { severity: 'CRITICAL', updatedAt: '2020-01-01T00:00:00Z' }),
    ];
    const summary = buildSummary(findings, { route: 'r', now: NOW, since: SINCE });
    expect(summary.open).toBe(2);
    expect(summary.bySeverity).toEqual({ CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 });
    expect(summary.newSince).toBe(1);
    expect(summary.resolvedSince).toBe(1);
    // Derived: 2 open now - 1 new + 1 resolved.
    expect(summary.previousOpen).toBe(2);
    expect(buildSummary(findings, { route: 'r', now: NOW, since: SINCE, previousOpen: 5 }).previousOpen).toBe(5);
  });

  it('treats passed, suppressed and archived findings as closed', () => {
    expect(isOpen(finding(1))).toBe(true);
    expect(isOpen(finding(1, { workflowStatus: 'SUPPRESSED' }))).toBe(false);
    expect(isOpen(finding(1, { recordState: 'ARCHIVED' }))).toBe(false);
    const passed = finding(1);
    expect(
      isOpen({
        ...passed,
        compliance: { ...(passed.compliance ?? { reasons: [], standards: [], relatedRequirements: [] }), status: 'PASSED' },
      }),
    ).toBe(false);
  });

  it('orders accounts worst first and keeps only the top few of every list', () => {
    const severities: Severity[] = ['LOW', 'HIGH', 'CRITICAL'];
    const findings = Array.from({ length: 600 }, (_, i) =>
      finding(i, {
        accountId: String(100000000000 + (i % 30)),
        severity: i % 30 === 7 ? 'CRITICAL' : (severities[i % 2] ?? 'LOW'),
        compliance: { controlId: `C.${i % 15}`, reasons: [], standards: [], relatedRequirements: [], status: 'FAILED' },
        firstObservedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      }),
    );
    const summary = buildSummary(findings, { route: 'r', now: NOW, since: SINCE });
    expect(summary.accounts[0]?.id).toBe('100000000007');
    expect(summary.accounts).toHaveLength(SUMMARY_LIMITS.accounts);
    expect(summary.accountCount).toBe(30);
    expect(summary.controls).toHaveLength(SUMMARY_LIMITS.controls);
    expect(summary.controlCount).toBe(15);
    expect(summary.oldest.map((f) => f.title)).toEqual(['finding 1', 'finding 3', 'finding 5', 'finding 7', 'finding 9']);
  });
});

describe('the summary email', () => {
  it('stays under 102 KB and escapes finding text, with 20,000 findings over 500 accounts', () => {
    const hostile = '<img src=x onerror=alert(1)>'.repeat(40);
    const findings = Array.from({ length: 20_000 }, (_, i) =>
      finding(i, {
        accountId: String(200000000000 + (i % 500)),
        accountName: `${hostile}-${i % 500}`,
        severity: i % 3 === 0 ? 'CRITICAL' : 'HIGH',
        title: hostile,
        compliance: { controlId: `${hostile}.${i % 40}`, reasons: [], standards: [], relatedRequirements: [], status: 'FAILED' },
      }),
    );
    const config = parseConfig({});
    const [planned] = planSummaries(findings, config, { now: NOW, problems: ['organizations: throttled'] });
    if (!planned) throw new Error('one summary');
    for (const locale of ['en', 'ja'] as const) {
      const email = renderer.render(planned.notification, { locale, timeZone: 'Asia/Tokyo' });
      expect(Buffer.byteLength(email.html)).toBeLessThan(102 * 1024);
      const $ = cheerio.load(email.html);
      expect($('img')).toHaveLength(0);
      expect($('td.open-total').text().trim()).toBe('20000');
      expect(email.text).toContain('organizations: throttled');
      expect(email.subject).not.toMatch(/[\r\n]/);
    }
  });
});

describe('summary settings', () => {
  it('refuses an unknown summary time zone with its path', () => {
    expect(() => parseConfig({ summary: { timeZone: 'Mars/Olympus' } })).toThrow(
      'config.summary.timeZone: unknown time zone "Mars/Olympus"',
    );
    expect(() => parseConfig({ policy: { routes: [{ name: 'r', match: {}, summary: { timeZone: 'Nope' } }] } })).toThrow(
      'config.policy.routes[0].summary.timeZone: unknown time zone "Nope"',
    );
    expect(() => parseConfig({ summary: { schedule: 'every monday' } })).toThrow(/^config\.summary\.schedule: /);
  });
});

describe('the schedule period', () => {
  it('reads rate and cron expressions', () => {
    expect(periodMs('rate(1 day)')).toBe(86_400_000);
    expect(periodMs('rate(12 hours)')).toBe(43_200_000);
    expect(periodMs('cron(0 8 ? * MON *)')).toBe(7 * 86_400_000);
    expect(periodMs('cron(0 8 1 * ? *)')).toBe(30 * 86_400_000);
    expect(periodMs('cron(0 8 * * ? *)')).toBe(86_400_000);
  });
});
