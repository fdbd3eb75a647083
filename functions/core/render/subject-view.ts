/** Builds the view of `subject.hbs` for any notification kind. */
import { accountLabel } from '../accounts/directory.js';
import type { Severity } from '../finding/model.js';
import { mostSevere } from '../finding/severity.js';
import type { Notification } from '../policy/notification.js';
import type { LocaleStrings } from './compiled-templates.js';
import { line } from './finding-view.js';
import { label, severityView } from './labels.js';
import type { SubjectView } from './view-model.js';

/** The most severe of `severities` (INFORMATIONAL for none). */
export function highestSeverity(severities: Iterable<Severity>): Severity {
  return mostSevere(severities) ?? 'INFORMATIONAL';
}

/** The value when all are the same, else `many` of the distinct values (in first-seen order). */
function one(values: readonly string[], many: (unique: readonly string[]) => string): string {
  const unique = [...new Set(values)];
  return unique.length === 1 ? (unique[0] ?? '-') : many(unique);
}

const CIS_PREFIX = /^CIS\./;
const NUMBER_ONLY = /^[\d.]+$/;
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * Whether the title names the control already, as a word of its own: `EC2.7 EBS ...`, `[X.3] Title`,
 * `S3.1: ...`, or `3.4 ...` for `CIS.3.4`. Then the subject does not say it twice.
 *
 * @example titleNamesControl('[X.3] Title', 'X.3') // true
 */
export function titleNamesControl(title: string, control: string): boolean {
  return [control, control.replace(CIS_PREFIX, '')].some((id) => {
    // A bare number (`3.4`) counts only at the start: elsewhere it is likelier a version ("TLS 1.3").
    const before = NUMBER_ONLY.test(id) ? '^[\\[(]?' : '(^|[\\s\\[(])';
    return new RegExp(`${before}${id.replace(REGEX_SPECIAL, '\\$&')}($|[\\s\\]):,-])`).test(title);
  });
}

/** Subject fields: one line each; the subject as a whole is sanitized again after rendering. */
export function subjectView(notification: Notification, t: LocaleStrings): SubjectView {
  const kinds = {
    finding: notification.kind === 'finding',
    digest: notification.kind === 'digest',
    insight: notification.kind === 'insight',
    summary: notification.kind === 'summary',
  };
  const action = line(notification.trigger.action?.name);
  if (notification.kind === 'finding') {
    const { finding } = notification;
    const title = line(finding.title) ?? '-';
    const control = line(finding.compliance?.controlId);
    return {
      t,
      ...kinds,
      severity: severityView(t, finding.severity).label,
      title,
      // Older titles start with the control id already ("1.3 Ensure credentials ...").
      control: control !== undefined && !titleNamesControl(title, control) ? control : undefined,
      action,
      account: line(finding.accountId) ?? '-',
      accountName: line(finding.accountName),
      region: line(finding.region) ?? '-',
    };
  }
  if (notification.kind === 'digest') {
    const { findings } = notification;
    return {
      t,
      ...kinds,
      severity: severityView(t, highestSeverity(findings.map((f) => f.severity))).label,
      title: label(t, 'findingCount', { count: findings.length }),
      control: undefined,
      action,
      account: one(
        findings.map((f) => line(accountLabel(f.accountId, f.accountName)) ?? '-'),
        (accounts) => label(t, 'accountCount', { count: accounts.length }),
      ),
      region: one(
        findings.map((f) => line(f.region) ?? '-'),
        (regions) => regions.slice(0, 3).join(','),
      ),
    };
  }
  if (notification.kind === 'summary') {
    const { summary } = notification;
    return {
      t,
      ...kinds,
      severity: '',
      title: label(t, 'summarySubject', {
        route: line(summary.route) ?? '-',
        open: summary.open,
        critical: summary.bySeverity.CRITICAL,
        high: summary.bySeverity.HIGH,
      }),
      control: undefined,
      action,
      // One account (an owner's summary, often): name it, as every finding email does.
      account: oneAccount(summary.accounts, summary.accountCount) ?? label(t, 'accountCount', { count: summary.accountCount }),
      region: '',
    };
  }
  const { insight } = notification;
  return {
    t,
    ...kinds,
    severity: '',
    title: line(insight.name) ?? '-',
    control: undefined,
    action,
    account: line(accountLabel(insight.accountId, insight.accountName)) ?? '-',
    region: line(insight.region) ?? '-',
  };
}

/** `name (id)` of a summary's only account; undefined for several or none. */
function oneAccount(accounts: readonly { id: string; name?: string }[], count: number): string | undefined {
  const only = count === 1 ? accounts[0] : undefined;
  return only ? line(accountLabel(only.id, only.name)) : undefined;
}
