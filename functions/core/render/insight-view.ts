/** Builds the view of an insight email (`insight.mjml`, `insight.txt.hbs`). */
import { accountLabel } from '../accounts/directory.js';
import type { InsightResult } from '../finding/model.js';
import { safeUrl } from '../finding/safe-url.js';
import type { LocaleStrings } from './compiled-templates.js';
import { line } from './finding-view.js';
import { label, moreNote } from './labels.js';
import { LIMITS } from './limits.js';
import type { InsightView } from './view-model.js';

/**
 * The view of an insight result: its name, what it groups by, and the value -> count rows (largest first, bounded).
 *
 * @example insightView(insight, t).insight.rows[0] // { value: 'i-0abc', count: 12 }
 */
export function insightView(insight: InsightResult, t: LocaleStrings): InsightView {
  const rows = [...insight.rows].sort((a, b) => b.count - a.count);
  const shown = rows.slice(0, LIMITS.insightRows);
  const consoleUrl = safeUrl(insight.consoleUrl);
  return {
    t,
    insight: {
      name: line(insight.name) ?? '-',
      resultType: line(insight.resultType) ?? '-',
      rows: shown.map((row) => ({ value: line(row.value) ?? '-', count: row.count })),
      rowsNote: moreNote(t, 'moreRows', rows.length, shown.length),
      account: line(accountLabel(insight.accountId, insight.accountName)) ?? '-',
      region: line(insight.region) ?? '-',
      arn: line(insight.arn) ?? '-',
      consoleUrl,
      consoleNote: consoleUrl === undefined ? label(t, 'noConsoleLink', { partition: line(insight.partition) ?? '-' }) : undefined,
    },
  };
}
