/** Which severity an ASFF finding has, for every shape seen since 2018. */
import type { Severity } from '../finding/model.js';
import { isSeverity, labelFromNormalized } from '../finding/severity.js';
import type { AsffFinding } from './schema.js';

/** The severity label and, when the finding gives one, its 0-100 score. */
export interface AsffSeverity {
  readonly label: Severity;
  readonly score?: number;
}

/**
 * Reads the label from, in order: `Severity.Label`, `ProductFields["aws/securityhub/SeverityLabel"]`
 * (2019 findings), `FindingProviderFields.Severity.Label`, then derives it from `Severity.Normalized`
 * and as a last resort from `Severity.Product`. Undefined when the finding has none of them.
 *
 * @example asffSeverity({ Severity: { Normalized: 40 } } as AsffFinding) // { label: 'MEDIUM', score: 40 }
 */
export function asffSeverity(finding: AsffFinding): AsffSeverity | undefined {
  const normalized = finding.Severity?.Normalized;
  const score = normalized === undefined ? undefined : Math.min(100, Math.max(0, normalized));
  const withScore = (label: Severity): AsffSeverity => (score === undefined ? { label } : { label, score });

  const legacyLabel = finding.ProductFields?.['aws/securityhub/SeverityLabel'];
  const label =
    finding.Severity?.Label ?? (isSeverity(legacyLabel) ? legacyLabel : undefined) ?? finding.FindingProviderFields?.Severity?.Label;
  if (label !== undefined) return withScore(label);
  if (score !== undefined) return withScore(labelFromNormalized(score));
  const product = finding.Severity?.Product;
  if (product !== undefined) return { label: labelFromNormalized(product) };
  return undefined;
}
