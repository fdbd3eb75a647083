/** Builds the view of a digest email (`digest.mjml`, `digest.txt.hbs`): counts first, then every finding by severity. */
import { accountLabel } from '../accounts/directory.js';
import { type Finding, SEVERITIES, type Trigger } from '../finding/model.js';
import { safeUrl } from '../finding/safe-url.js';
import { severityRank } from '../finding/severity.js';
import type { LocaleStrings } from './compiled-templates.js';
import { actionView, line } from './finding-view.js';
import { findingDate } from './format-date.js';
import { label, moreNote, severityView } from './labels.js';
import { LIMITS } from './limits.js';
import type { RenderOptions } from './renderer.js';
import type { DigestItemView, DigestView } from './view-model.js';

/** Findings ordered most severe first, then most recently updated first (stable otherwise). */
function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''),
  );
}

/** `id (name)` when the account has a name, else the id. */
export function accountText(finding: Finding): string {
  return accountLabel(line(finding.accountId) ?? '-', line(finding.accountName));
}

function itemView(finding: Finding, t: LocaleStrings, options: RenderOptions): DigestItemView {
  const [first] = finding.resources;
  const others = finding.resources.length - 1;
  return {
    title: line(finding.title) ?? '-',
    severity: severityView(t, finding.severity),
    resource: line(first?.id),
    resourceNote: others > 0 ? label(t, 'moreOfFinding', { count: others }) : undefined,
    control: line(finding.compliance?.controlId),
    account: accountText(finding),
    region: line(finding.region) ?? '-',
    product: line(finding.productName) ?? '-',
    updatedAt: findingDate(finding.updatedAt, options.timeZone),
    consoleUrl: safeUrl(finding.consoleUrl),
  };
}

function countBy<K>(items: readonly Finding[], key: (finding: Finding) => K | undefined): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * The view of a digest: counts per severity and per control, then the findings (bounded) by severity.
 *
 * @example digestView(findings, trigger, t, options).digest.heading // '12 findings'
 */
export function digestView(findings: readonly Finding[], trigger: Trigger, t: LocaleStrings, options: RenderOptions): DigestView {
  const sorted = bySeverity(findings);
  const severities = countBy(sorted, (f) => f.severity);
  const controls = [...countBy(sorted, (f) => line(f.compliance?.controlId))].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, LIMITS.digestFindings);
  return {
    t,
    action: actionView(trigger),
    digest: {
      heading: label(t, 'findingCount', { count: findings.length }),
      severityCounts: [...SEVERITIES]
        .reverse()
        .filter((s) => severities.has(s))
        .map((s) => ({ severity: severityView(t, s), count: severities.get(s) ?? 0 })),
      controlCounts: controls.slice(0, LIMITS.digestControls).map(([control, count]) => ({ control, count })),
      controlsNote: moreNote(t, 'moreControls', controls.length, LIMITS.digestControls),
      findings: shown.map((f) => itemView(f, t, options)),
      findingsNote: moreNote(t, 'moreFindings', sorted.length, shown.length),
    },
  };
}
