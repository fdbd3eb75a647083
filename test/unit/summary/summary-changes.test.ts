import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { AccountDirectory, AccountInfo } from '../../../functions/core/accounts/directory.js';
import { parseConfig } from '../../../functions/core/config.js';
import type { Finding } from '../../../functions/core/finding/model.js';
import { renderer } from '../../../functions/core/render/prebuilt.js';
import { findingHash, findingHashes } from '../../../functions/core/summary/last-summary.js';
import { type PlannedSummary, planAudiences, planSummaries } from '../../../functions/core/summary/route-summaries.js';
import { summaryAudiences } from '../../../functions/core/summary/summary-audiences.js';
import { aFinding } from '../../support/findings.js';

const NOW = new Date('2026-03-31T08:00:00Z');
const LAST = new Date('2026-03-24T08:00:00Z');

function finding(n: number, overrides: Partial<Finding> = {}): Finding {
  return aFinding({ key: `k${n}`, id: `id-${n}`, title: `finding ${n}`, firstObservedAt: '2026-01-01T00:00:00Z', ...overrides });
}

function render(planned: PlannedSummary | undefined, locale: 'en' | 'ja' = 'en') {
  if (!planned) throw new Error('no summary planned');
  return renderer.render(planned.notification, { locale, timeZone: 'UTC' });
}

function directory(entries: readonly AccountInfo[]): AccountDirectory {
  return { accounts: new Map(entries.map((e) => [e.id, e])), problems: [] };
}

describe('new and resolved since the last summary', () => {
  const config = parseConfig({});
  // Open then: k1..k6. Now: k1..k3 still open, k4 resolved, k5 archived, k6 gone; k7, k8 new (k8 first observed long ago).
  const last = { at: LAST, open: 6, keys: new Set(findingHashes([1, 2, 3, 4, 5, 6].map((n) => finding(n)))) };
  const now = [
    finding(1),
    finding(2),
    finding(3),
    finding(4, { workflowStatus: 'RESOLVED' }),
    finding(5, { recordState: 'ARCHIVED' }),
    finding(7, { firstObservedAt: '2026-03-30T00:00:00Z' }),
    finding(8),
  ];

  it('counts against the record of the last summary, whatever the timestamps say', () => {
    const [planned] = planSummaries(now, config, { now: NOW, last: () => last });
    const summary = planned?.notification.summary;
    expect(summary).toMatchObject({
      open: 5,
      newSince: 2,
      resolvedSince: 3,
      previousOpen: 6,
      since: LAST.toISOString(),
      changesFrom: 'lastSummary',
    });
    expect(planned?.record).toEqual({ at: NOW, open: 5, keys: new Set(findingHashes([1, 2, 3, 7, 8].map((n) => finding(n)))) });
  });

  it('the first summary counts from timestamps and says so, in English and Japanese', () => {
    const [planned] = planSummaries(now, config, { now: NOW });
    expect(planned?.notification.summary).toMatchObject({ newSince: 1, changesFrom: 'timestamps' });
    const en = render(planned);
    expect(cheerio.load(en.html)('.changes-note').text()).toMatch(/^First summary .* counted from Security Hub's timestamps\.$/);
    expect(en.text).toContain("new and resolved are counted from Security Hub's timestamps.");
    const ja = render(planned, 'ja');
    expect(cheerio.load(ja.html)('.changes-note').text()).toContain('初回のサマリー');
    expect(ja.text).toContain('Security Hub のタイムスタンプから数えています');
  });

  it('with findings not all read, counts from timestamps (an unread finding is not resolved) and keeps no key record', () => {
    const [planned] = planSummaries(now, config, { now: NOW, last: () => last, complete: false });
    expect(planned?.notification.summary).toMatchObject({ newSince: 1, resolvedSince: 0, changesFrom: 'timestamps', previousOpen: 6 });
    expect(planned?.record).toEqual({ at: NOW, open: 5 });
  });

  it('counts the findings mailed in the period from the notifier state, and leaves the line out without it', () => {
    const notifiedAt = new Map([
      ['k7', '2026-03-30T01:00:00.000Z'],
      ['k4', '2026-03-25T01:00:00.000Z'],
      ['k1', '2026-03-01T00:00:00.000Z'],
    ]);
    const [planned] = planSummaries(now, config, { now: NOW, last: () => last, notifiedAt });
    expect(planned?.notification.summary.mailedSince).toBe(2);
    const email = render(planned);
    expect(cheerio.load(email.html)('.mailed-count').text()).toBe('2');
    expect(email.text).toMatch(/^Mailed by the notifier: 2$/m);
    const [without] = planSummaries(now, config, { now: NOW, last: () => last });
    const plain = render(without);
    expect(cheerio.load(plain.html)('.mailed-count')).toHaveLength(0);
    expect(plain.text).not.toContain('Mailed by the notifier');
  });

  it('hashes are short and stable', () => {
    expect(findingHash('k1')).toMatch(/^[0-9a-f]{16}$/);
    expect(findingHash('k1')).toBe(findingHash('k1'));
    expect(findingHash('k1')).not.toBe(findingHash('k2'));
  });
});

describe('summaries per account owner', () => {
  const config = parseConfig({
    policy: { routes: [{ name: 'owners', match: {}, owner: { tag: 'owner' }, ses: { to: ['platform@example.com'] } }] },
  });
  const accounts = directory([
    { id: '111111111111', name: 'a', tags: { owner: 'x@example.com' } },
    { id: '222222222222', name: 'b', tags: {}, securityContact: 'y@example.com' },
    { id: '333333333333', name: 'c', tags: { owner: 'x@example.com' } },
    { id: '444444444444', name: 'd', tags: { owner: 'not an address' } },
  ]);
  const findings = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'].flatMap((accountId, a) =>
    [0, 1].map((i) => finding(a * 10 + i, { accountId })),
  );

  it('one audience per owner address (accounts with the same owner together) after the whole route; no owner: route only', () => {
    const { audiences, noOwner } = summaryAudiences(findings, config, { directory: accounts });
    expect(audiences.map((a) => [a.id, a.owner?.accounts ?? [], a.findings.length])).toEqual([
      ['owners', [], 10],
      ['owners#owner#x@example.com', ['111111111111', '333333333333'], 4],
      ['owners#owner#y@example.com', ['222222222222'], 2],
    ]);
    expect(noOwner).toEqual([
      {
        route: 'owners',
        kind: 'noOwner',
        reason: 'account 444444444444: tag owner is not an email address, no SECURITY alternate contact',
      },
      { route: 'owners', kind: 'noOwner', reason: 'account 555555555555 is not in the account directory' },
    ]);
    const planned = planAudiences(audiences, config, { now: NOW });
    expect(planned.map((p) => p.notification.summary.owner)).toEqual([undefined, 'x@example.com', 'y@example.com']);
    expect(planned[1]?.notification.summary.accounts.map((a) => a.id)).toEqual(['111111111111', '333333333333']);
  });

  it('caps the owner summaries of a route; the others are named for the log', () => {
    const { audiences, noOwner } = summaryAudiences(findings, config, { directory: accounts, maxOwners: 1 });
    expect(audiences.map((a) => a.id)).toEqual(['owners', 'owners#owner#x@example.com']);
    expect(noOwner.filter((n) => n.kind === 'overLimit')).toEqual([
      { route: 'owners', kind: 'overLimit', reason: 'y@example.com: over the limit of 1 owner summaries a route; accounts 222222222222' },
    ]);
  });

  it('no owner summaries without a directory, nor on routes that do not send to owners', () => {
    expect(summaryAudiences(findings, config).audiences.map((a) => a.id)).toEqual(['owners']);
    expect(summaryAudiences(findings, parseConfig({}), { directory: accounts }).audiences.map((a) => a.id)).toEqual(['default']);
  });
});
