/** `X-SecurityHub-*` headers a mail filter can act on. ASCII only, one line, bounded. */
import { type Finding, SEVERITIES } from '../finding/model.js';
import type { Notification } from '../policy/notification.js';
import type { Summary } from '../summary/summary.js';
import { cleanLine } from './clean-text.js';
import { highestSeverity } from './subject-view.js';

const HEADER_VALUE_MAX = 200;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/u;

/**
 * One printable-ASCII line: non-ASCII characters percent-encoded (UTF-8), at most 200 characters.
 * A long value is cut between characters, never inside an escape, and ends with `...`.
 */
function headerValue(value: string): string {
  const line = cleanLine(value);
  // Fast path: a short printable-ASCII line (nearly every value) is already its own header value.
  if (line.length <= HEADER_VALUE_MAX && !NOT_PRINTABLE_ASCII.test(line)) return line;
  const pieces = Array.from(line, (char) => (NOT_PRINTABLE_ASCII.test(char) ? encodeURIComponent(char) : char));
  const whole = pieces.join('');
  if (whole.length <= HEADER_VALUE_MAX) return whole;
  let out = '';
  for (const piece of pieces) {
    if (out.length + piece.length > HEADER_VALUE_MAX - 3) break;
    out += piece;
  }
  return `${out}...`;
}

function same(values: readonly string[]): string {
  const unique = new Set(values);
  return unique.size === 1 ? (values[0] ?? '') : 'multiple';
}

function findingHeaders(finding: Finding): Record<string, string> {
  const headers: Record<string, string> = {
    'X-SecurityHub-Severity': finding.severity,
    'X-SecurityHub-Account': finding.accountId,
    'X-SecurityHub-Region': finding.region,
    'X-SecurityHub-Finding-Id': finding.id,
    'X-SecurityHub-Product': finding.productName,
  };
  if (finding.compliance?.controlId) headers['X-SecurityHub-Control'] = finding.compliance.controlId;
  return headers;
}

function digestHeaders(findings: readonly Finding[]): Record<string, string> {
  const headers: Record<string, string> = {
    'X-SecurityHub-Severity': highestSeverity(findings.map((f) => f.severity)),
    'X-SecurityHub-Account': same(findings.map((f) => f.accountId)),
    'X-SecurityHub-Region': same(findings.map((f) => f.region)),
    'X-SecurityHub-Product': same(findings.map((f) => f.productName)),
    'X-SecurityHub-Finding-Count': String(findings.length),
  };
  const controls = findings.map((f) => f.compliance?.controlId ?? '');
  const control = same(controls);
  if (control !== '' && control !== 'multiple') headers['X-SecurityHub-Control'] = control;
  return headers;
}

function summaryHeaders(summary: Summary): Record<string, string> {
  const open = SEVERITIES.filter((s) => summary.bySeverity[s] > 0);
  return {
    'X-SecurityHub-Summary': summary.route,
    'X-SecurityHub-Severity': highestSeverity(open),
    'X-SecurityHub-Finding-Count': String(summary.open),
  };
}

/**
 * The headers of one email. Values are finding data: cleaned, non-ASCII percent-encoded, bounded.
 *
 * @example emailHeaders(notification)['X-SecurityHub-Severity'] // 'HIGH'
 */
export function emailHeaders(notification: Notification): Record<string, string> {
  const raw =
    notification.kind === 'finding'
      ? findingHeaders(notification.finding)
      : notification.kind === 'digest'
        ? digestHeaders(notification.findings)
        : notification.kind === 'summary'
          ? summaryHeaders(notification.summary)
          : {
              'X-SecurityHub-Account': notification.insight.accountId,
              'X-SecurityHub-Region': notification.insight.region,
              'X-SecurityHub-Insight': notification.insight.name,
            };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const clean = headerValue(value);
    if (clean !== '') headers[name] = clean;
  }
  return headers;
}
