/** Findings a finding is made of: their ids, control ids and titles, bounded. */
import { clipLine } from './text.js';

/** At most this many related findings are kept (an exposure finding names a handful). */
export const MAX_RELATED = 50;

/**
 * The control id a Security Hub finding id names: consolidated (`security-control/Lambda.1/finding/...`)
 * or per standard (`subscription/aws-foundational-security-best-practices/v/1.0.0/S3.1/finding/...`).
 *
 * @example relatedControl('arn:aws:securityhub:us-east-1:123456789012:security-control/Lambda.1/finding/a1') // 'Lambda.1'
 */
export function relatedControl(id: string): string | undefined {
  return /(?:security-control|\/v\/[^/]+)\/([^/]+)\/finding\//.exec(id)?.[1];
}

/** A one-line, bounded title or id. */
export const relatedText = (value: string): string => clipLine(value, 500);
