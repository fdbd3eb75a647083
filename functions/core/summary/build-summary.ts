/** Builds a route's summary from findings (open and recently closed) and the last summary. Pure. */
import { accountLabel } from '../accounts/directory.js';
import { securityHubHome } from '../finding/console-link.js';
import { type Finding, SEVERITIES, type Severity } from '../finding/model.js';
import { severityRank } from '../finding/severity.js';
import { findingHash } from './last-summary.js';
import type { AccountRow, ControlRow, OldFinding, SeverityCounts, Summary } from './summary.js';
import { SUMMARY_LIMITS } from './summary.js';

export interface SummaryInput {
  readonly route: string;
  readonly now: Date;
  /** The last summary's time (or the start of the period). */
  readonly since: Date;
  /** The open total of the last summary, when it was recorded; else derived. */
  readonly previousOpen?: number;
  /** The open findings of the last summary (`LastSummary.keys`): new and resolved are counted against them. */
  readonly previousKeys?: ReadonlySet<string>;
  /** When the notifier last mailed each finding (`StoredState.notifiedAt`, by `Finding.key`), if its state was read. */
  readonly notifiedAt?: ReadonlyMap<string, string>;
  /** An owner summary: the owner's address. */
  readonly owner?: string;
  readonly problems?: readonly string[];
}

/**
 * Whether a finding still needs someone: active, not resolved or suppressed, not a passed control.
 *
 * @example isOpen(finding) // true for an ACTIVE, NEW, FAILED finding
 */
export function isOpen(finding: Finding): boolean {
  return (
    finding.recordState === 'ACTIVE' &&
    finding.workflowStatus !== 'RESOLVED' &&
    finding.workflowStatus !== 'SUPPRESSED' &&
    finding.compliance?.status !== 'PASSED'
  );
}

/**
 * @example
 * const summary = buildSummary(findings, { route: 'default', now, since: new Date(now.getTime() - 7 * 86_400_000) });
 * summary.bySeverity.CRITICAL // 12
 */
export function buildSummary(findings: readonly Finding[], input: SummaryInput): Summary {
  const latest = latestCopies(findings);
  const open = latest.filter(isOpen);
  const changes = input.previousKeys ? changesSince(open, input.previousKeys) : changesByTime(latest, open, input.since.getTime());
  const { newSince, resolvedSince } = changes;
  const accounts = accountRows(open);
  const controls = controlRows(open);
  const [home] = mostCommon(open.map((f) => `${f.partition} ${f.region}`));
  const [partition = 'aws', region = ''] = (home ?? '').split(' ');
  return {
    route: input.route,
    at: input.now.toISOString(),
    since: input.since.toISOString(),
    open: open.length,
    bySeverity: countSeverities(open),
    previousOpen: input.previousOpen ?? open.length - newSince + resolvedSince,
    newSince,
    resolvedSince,
    changesFrom: input.previousKeys ? 'lastSummary' : 'timestamps',
    ...(input.notifiedAt ? { mailedSince: mailedSince(latest, input.notifiedAt, input.since.getTime()) } : {}),
    ...(input.owner ? { owner: input.owner } : {}),
    accounts: accounts.slice(0, SUMMARY_LIMITS.accounts),
    accountCount: accounts.length,
    controls: controls.slice(0, SUMMARY_LIMITS.controls),
    controlCount: controls.length,
    oldest: oldestSerious(open),
    ...withConsole(securityHubHome(partition, region)),
    problems: (input.problems ?? []).slice(0, SUMMARY_LIMITS.problems),
  };
}

type Changes = { readonly newSince: number; readonly resolvedSince: number };

/** Against the last summary's record: new = open now and not then; resolved = open then and not now. */
function changesSince(open: readonly Finding[], previous: ReadonlySet<string>): Changes {
  const now = new Set(open.map((f) => findingHash(f.key)));
  let resolvedSince = 0;
  for (const hash of previous) if (!now.has(hash)) resolvedSince += 1;
  let newSince = 0;
  for (const hash of now) if (!previous.has(hash)) newSince += 1;
  return { newSince, resolvedSince };
}

/** Without a record (the first summary): first observed since, and closed with an update since. */
function changesByTime(latest: readonly Finding[], open: readonly Finding[], since: number): Changes {
  return {
    newSince: open.filter((f) => Date.parse(firstSeen(f) ?? '') >= since).length,
    resolvedSince: latest.filter((f) => !isOpen(f) && Date.parse(f.updatedAt ?? '') >= since).length,
  };
}

/** Findings the notifier mailed in the period: its state moved `notifiedAt` only when an email went out. */
function mailedSince(latest: readonly Finding[], notifiedAt: ReadonlyMap<string, string>, since: number): number {
  return latest.filter((f) => Date.parse(notifiedAt.get(f.key) ?? '') >= since).length;
}

/** The open findings, one per key (the latest copy of each decides). */
export function openFindings(findings: readonly Finding[]): Finding[] {
  return latestCopies(findings).filter(isOpen);
}

/** One finding per key: the most recently updated copy (an export may hold several). */
function latestCopies(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const finding of findings) {
    const seen = byKey.get(finding.key);
    if (!seen || time(finding.updatedAt) >= time(seen.updatedAt)) byKey.set(finding.key, finding);
  }
  return [...byKey.values()];
}

function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Accounts worst first: most CRITICAL, then HIGH, and so on, then most open, then by id. */
function accountRows(open: readonly Finding[]): AccountRow[] {
  const byAccount = new Map<string, Finding[]>();
  for (const finding of open) byAccount.set(finding.accountId, [...(byAccount.get(finding.accountId) ?? []), finding]);
  const rows = [...byAccount].map(([id, findings]): AccountRow => {
    const name = findings.find((f) => f.accountName)?.accountName;
    return { id, ...(name ? { name } : {}), open: findings.length, bySeverity: countSeverities(findings) };
  });
  const worst = [...SEVERITIES].reverse();
  return rows.sort(
    (a, b) =>
      worst.reduce((order, s) => order || b.bySeverity[s] - a.bySeverity[s], 0) ||
      b.open - a.open ||
      accountLabel(a.id, a.name).localeCompare(accountLabel(b.id, b.name)),
  );
}

/** Failing controls by how many open findings they have. */
function controlRows(open: readonly Finding[]): ControlRow[] {
  const byControl = new Map<string, { title: string; count: number }>();
  for (const finding of open) {
    const control = finding.compliance?.controlId;
    if (!control) continue;
    const row = byControl.get(control);
    byControl.set(control, { title: row?.title ?? finding.title, count: (row?.count ?? 0) + 1 });
  }
  return [...byControl]
    .map(([control, { title, count }]) => ({ control, title, count }))
    .sort((a, b) => b.count - a.count || a.control.localeCompare(b.control));
}

function oldestSerious(open: readonly Finding[]): OldFinding[] {
  return open
    .filter((f) => severityRank(f.severity) >= severityRank('HIGH'))
    .sort(
      (a, b) =>
        time(firstSeen(a)) - time(firstSeen(b)) || severityRank(b.severity) - severityRank(a.severity) || a.key.localeCompare(b.key),
    )
    .slice(0, SUMMARY_LIMITS.oldest)
    .map((f) => ({
      severity: f.severity,
      title: f.title,
      accountId: f.accountId,
      ...(f.accountName ? { accountName: f.accountName } : {}),
      region: f.region,
      since: firstSeen(f) ?? '',
      ...(f.consoleUrl === undefined ? {} : { consoleUrl: f.consoleUrl }),
    }));
}

function firstSeen(finding: Finding): string | undefined {
  return finding.firstObservedAt ?? finding.createdAt ?? finding.updatedAt;
}

/** Milliseconds of an ISO time; unknown times sort last (as the newest). */
function time(iso: string | undefined): number {
  const t = Date.parse(iso ?? '');
  return Number.isFinite(t) ? t : Number.MAX_SAFE_INTEGER;
}

function mostCommon(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
}

/** The console's findings list, when the partition has a known console. */
function withConsole(home: string | undefined): { consoleUrl?: string } {
  return home === undefined ? {} : { consoleUrl: `${home}#/findings` };
}
