/**
 * A `GetFindings`-shaped export (`{"Findings": [...]}`) of many ASFF findings for summary tests,
 * built from the seed finding: spread over accounts, severities, controls and dates, some resolved.
 */
import type { Severity } from '../../functions/core/finding/model.js';
import { seedEvent } from './seed-events.js';

export const SUMMARY_ACCOUNTS = ['111122223333', '444455556666', '777788889999'] as const;
const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW', 'LOW', 'INFORMATIONAL'];
const CONTROLS = ['S3.1', 'IAM.6', 'EC2.19', 'CloudTrail.1', 'S3.8'];
/** The titles Security Hub CSPM gives these controls' findings. */
const TITLES: Readonly<Record<string, string>> = {
  'S3.1': 'S3 general purpose buckets should have block public access settings enabled',
  'IAM.6': 'Hardware MFA should be enabled for the root user',
  'EC2.19': 'Security groups should not allow unrestricted access to ports with high risk',
  'CloudTrail.1': 'CloudTrail should be enabled and configured with at least one multi-Region trail',
  'S3.8': 'S3 general purpose buckets should block public access',
};

export interface ExportOptions {
  readonly count: number;
  /** Every `resolvedEvery`-th finding is RESOLVED (updated on the last day). @default 0 (none) */
  readonly resolvedEvery?: number;
}

/**
 * Finding i: account i % 3, severity from a fixed cycle, control S3.1 for i % 2 == 0 (the top
 * control: count / 2), first observed i hours before 2026-03-31T00:00:00Z.
 */
export function summaryExport(options: ExportOptions): { Findings: Record<string, unknown>[] } {
  const findings = Array.from({ length: options.count }, (_, i) => {
    const severity = SEVERITIES[i % SEVERITIES.length] ?? 'LOW';
    const event = seedEvent({ tag: `s${String(i).padStart(4, '0')}`, severity, account: SUMMARY_ACCOUNTS[i % 3] ?? '111122223333' });
    const finding = event.detail.findings[0] ?? {};
    const control = i % 2 === 0 ? 'S3.1' : (CONTROLS[1 + (i % 4)] ?? 'IAM.6');
    finding.Compliance = { Status: 'FAILED', SecurityControlId: control };
    finding.Title = TITLES[control] ?? control;
    finding.ProductFields = { ...(finding.ProductFields as object), ControlId: control };
    finding.FirstObservedAt = new Date(Date.UTC(2026, 2, 31) - i * 3_600_000).toISOString();
    finding.CreatedAt = finding.FirstObservedAt;
    finding.UpdatedAt = '2026-03-30T12:00:00.000Z';
    if (options.resolvedEvery && i % options.resolvedEvery === options.resolvedEvery - 1) {
      finding.Workflow = { Status: 'RESOLVED' };
      finding.Compliance = { Status: 'PASSED', SecurityControlId: control };
    }
    return finding;
  });
  return { Findings: findings };
}
