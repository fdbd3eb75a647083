/**
 * Severity helpers everyone can use: the label for a 0-100 score, a rank to sort by, and a
 * type guard for labels read from untrusted input.
 */
import { SEVERITIES, type Severity } from './model.js';

/**
 * The Security Hub label for a normalized 0-100 score: 0 INFORMATIONAL, 1-39 LOW, 40-69 MEDIUM,
 * 70-89 HIGH, 90-100 CRITICAL. Scores outside 0-100 are clamped; fractions fall to the band below.
 *
 * @example labelFromNormalized(40) // 'MEDIUM'
 */
export function labelFromNormalized(score: number): Severity {
  if (!(score >= 1)) return 'INFORMATIONAL';
  if (score < 40) return 'LOW';
  if (score < 70) return 'MEDIUM';
  if (score < 90) return 'HIGH';
  return 'CRITICAL';
}

/** True when `value` is one of the five labels (exact, upper case). */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** 0 for INFORMATIONAL up to 4 for CRITICAL. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * Orders severities from least to most severe; use `(a, b) => compareSeverity(b, a)` for most severe first.
 *
 * @example ['HIGH', 'LOW'].sort(compareSeverity) // ['LOW', 'HIGH']
 */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

/** True when `severity` is `minimum` or worse. */
export function isAtLeast(severity: Severity, minimum: Severity): boolean {
  return severityRank(severity) >= severityRank(minimum);
}

/** The most severe of `severities`, or undefined for an empty list. */
export function mostSevere(severities: Iterable<Severity>): Severity | undefined {
  let top: Severity | undefined;
  for (const s of severities) if (top === undefined || severityRank(s) > severityRank(top)) top = s;
  return top;
}
