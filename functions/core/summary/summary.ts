/**
 * The summary of a route's open findings at one moment: counts, the worst accounts, the top
 * failing controls, what changed since the last summary and the oldest serious findings.
 * Built by `buildSummary` (pure); rendered like any other email (`kind: 'summary'`).
 * It never lists every finding: counts, then the top few, then a console link.
 */
import type { Severity } from '../finding/model.js';

export type SeverityCounts = Readonly<Record<Severity, number>>;

export interface AccountRow {
  readonly id: string;
  readonly name?: string;
  readonly open: number;
  readonly bySeverity: SeverityCounts;
}

export interface ControlRow {
  readonly control: string;
  /** The title of one of its findings (they share it). */
  readonly title: string;
  readonly count: number;
}

export interface OldFinding {
  readonly severity: Severity;
  readonly title: string;
  readonly accountId: string;
  readonly accountName?: string;
  readonly region: string;
  /** ISO-8601: first observed (or created). */
  readonly since: string;
  /** Absent when the partition has no known console. */
  readonly consoleUrl?: string;
}

export interface Summary {
  /** The route this summary is for. */
  readonly route: string;
  /** ISO-8601 times: this summary, and the start of the period (the last summary). */
  readonly at: string;
  readonly since: string;
  readonly open: number;
  readonly bySeverity: SeverityCounts;
  /** Open at the last summary: stored, or derived as open - new + resolved. */
  readonly previousOpen: number;
  readonly newSince: number;
  readonly resolvedSince: number;
  /**
   * What new and resolved were counted against: the last summary's record of its open findings,
   * or (the first summary, or no complete record) Security Hub's timestamps.
   */
  readonly changesFrom: 'lastSummary' | 'timestamps';
  /** Findings the notifier mailed in the period; absent when its state was not read. */
  readonly mailedSince?: number;
  /** An owner summary (only the accounts of one owner): the owner's address. */
  readonly owner?: string;
  /** Worst first, at most `SUMMARY_LIMITS.accounts`; `accountCount` counts them all. */
  readonly accounts: readonly AccountRow[];
  readonly accountCount: number;
  readonly controls: readonly ControlRow[];
  readonly controlCount: number;
  /** The oldest open CRITICAL and HIGH findings, oldest first. */
  readonly oldest: readonly OldFinding[];
  /** The console's findings list, for everything the summary does not show; absent when the partition has no known console. */
  readonly consoleUrl?: string;
  /** What could not be read (account directory, finding sources), one line each. */
  readonly problems: readonly string[];
}

/** How much a summary shows: it stays far under Gmail's 102 KB clipping with any number of findings. */
export const SUMMARY_LIMITS = { accounts: 20, controls: 10, oldest: 5, problems: 10 } as const;
