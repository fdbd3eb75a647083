/** Builds the view of a summary email (`summary.mjml`, `summary.txt.hbs`): display-ready, cleaned, bounded. */
import { accountLabel } from '../accounts/directory.js';
import { SEVERITIES } from '../finding/model.js';
import { safeUrl } from '../finding/safe-url.js';
import { cleanLine, cleanShort } from '../render/clean-text.js';
import type { LocaleStrings } from '../render/compiled-templates.js';
import type { ViewBuilders } from '../render/family-renderer.js';
import { formatDate } from '../render/format-date.js';
import { label, moreNote, severityView } from '../render/labels.js';
import type { RenderOptions } from '../render/renderer.js';
import type { SeverityView } from '../render/view-model.js';
import type { Summary } from './summary.js';

export interface SummaryView {
  readonly t: LocaleStrings;
  readonly summary: {
    readonly route: string;
    /** e.g. "312 open findings". */
    readonly heading: string;
    /** e.g. "2026-03-24 08:00 – 2026-03-31 08:00 (UTC)". */
    readonly period: string;
    readonly open: number;
    /** Every severity, most severe first, zeros included. */
    readonly severityCounts: readonly { readonly severity: SeverityView; readonly count: number }[];
    /** ▲ / ▼ / → with words, e.g. "▲ 12 more than the last summary (300)". */
    readonly trend: string;
    readonly trendColor: string;
    readonly newCount: number;
    readonly resolvedCount: number;
    /** New and resolved came from Security Hub's timestamps (no record of the last summary's open findings). */
    readonly byTimestamps: boolean;
    /** Findings the notifier mailed in the period, when its state was read. */
    readonly mailedCount?: number | undefined;
    readonly showMailed: boolean;
    /** An owner summary: the owner's address. */
    readonly owner?: string | undefined;
    readonly accounts: readonly {
      readonly label: string;
      readonly critical: number;
      readonly high: number;
      readonly medium: number;
      readonly low: number;
      readonly open: number;
    }[];
    readonly accountsNote?: string | undefined;
    readonly controls: readonly { readonly control: string; readonly title: string; readonly count: number }[];
    readonly controlsNote?: string | undefined;
    readonly oldest: readonly {
      readonly severity: SeverityView;
      readonly title: string;
      readonly account: string;
      readonly region: string;
      readonly since: string;
      readonly consoleUrl?: string | undefined;
    }[];
    readonly consoleUrl?: string | undefined;
    readonly problems: readonly string[];
  };
}

/** Summary cells are one line of at most this many characters: the email stays small with any input. */
const CELL_CHARS = 160;

function line(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = cleanShort(value, CELL_CHARS, cleanLine).text;
  return text === '' ? undefined : text;
}

const TREND_COLORS = { up: '#b91c1c', down: '#15803d', same: '#4b5563' } as const;

/**
 * @example summaryView(summary, t, { locale: 'en', timeZone: 'UTC' }).summary.heading // '312 open findings'
 */
export function summaryView(summary: Summary, t: LocaleStrings, options: RenderOptions): SummaryView {
  const change = summary.open - summary.previousOpen;
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  const trendKey = direction === 'up' ? 'trendUp' : direction === 'down' ? 'trendDown' : 'trendSame';
  const date = (iso: string) => formatDate(iso, options.timeZone) ?? iso;
  return {
    t,
    summary: {
      route: line(summary.route) ?? '-',
      heading: label(t, 'openFindingCount', { count: summary.open }),
      period: `${date(summary.since)} – ${date(summary.at)}`,
      open: summary.open,
      severityCounts: [...SEVERITIES].reverse().map((s) => ({ severity: severityView(t, s), count: summary.bySeverity[s] })),
      trend: label(t, trendKey, { count: Math.abs(change), previous: summary.previousOpen }),
      trendColor: TREND_COLORS[direction],
      newCount: summary.newSince,
      resolvedCount: summary.resolvedSince,
      byTimestamps: summary.changesFrom === 'timestamps',
      mailedCount: summary.mailedSince,
      showMailed: summary.mailedSince !== undefined,
      owner: line(summary.owner),
      accounts: summary.accounts.map((a) => ({
        label: line(accountLabel(a.id, a.name)) ?? '-',
        critical: a.bySeverity.CRITICAL,
        high: a.bySeverity.HIGH,
        medium: a.bySeverity.MEDIUM,
        low: a.bySeverity.LOW,
        open: a.open,
      })),
      accountsNote: moreNote(t, 'moreAccounts', summary.accountCount, summary.accounts.length),
      controls: summary.controls.map((c) => ({ control: line(c.control) ?? '-', title: line(c.title) ?? '-', count: c.count })),
      controlsNote: moreNote(t, 'moreControls', summary.controlCount, summary.controls.length),
      oldest: summary.oldest.map((f) => ({
        severity: severityView(t, f.severity),
        title: line(f.title) ?? '-',
        account: line(accountLabel(f.accountId, f.accountName)) ?? '-',
        region: line(f.region) ?? '-',
        since: formatDate(f.since, options.timeZone) ?? '-',
        consoleUrl: safeUrl(f.consoleUrl),
      })),
      consoleUrl: safeUrl(summary.consoleUrl),
      problems: summary.problems.flatMap((p) => line(p) ?? []),
    },
  };
}

/** The view builder of the summary email. */
export const SUMMARY_VIEWS: ViewBuilders<'summary'> = {
  summary: (notification, t, options) => summaryView(notification.summary, t, options),
};
