/** Subject lines: one sanitized line for email, and an ASCII-only form for transports that need one (SNS). */
import { cleanLine, shorten } from './clean-text.js';
import type { Email } from './email.js';

/** What SNS refuses as a subject's first character: anything but a letter, digit or punctuation mark. */
const BAD_START = /^[^A-Za-z0-9!"#%&'()*,\-./:;?@[\\\]_{}]+/;

/** Default length of an email subject (SES accepts more; mail clients show about this much). */
export const SUBJECT_MAX = 150;

/**
 * One line: control characters (C0/C1, CR/LF, tabs), bidi overrides and zero-width characters
 * removed, whitespace collapsed, cut to `max` characters with an ellipsis.
 *
 * @example sanitizeSubject('[HIGH]\r\nBcc: x@evil.example \u202Egnp.exe', 150) // '[HIGH] Bcc: x@evil.example gnp.exe'
 */
export function sanitizeSubject(subject: string, max: number = SUBJECT_MAX): string {
  return fitSubject(cleanLine(subject), max, (text, n) => shorten(text, n).text);
}

/** What the subject keeps of the finding's title at least when account and Region need room. */
const MIN_WHAT = 40;
const SEPARATOR = ' | ';

/**
 * A subject of at most `max` characters that gives up its parts in reverse order of priority:
 * severity and what first, then the account (name), then the Region. The title before the last
 * ` | ` is cut to make room for `account region` after it, down to `MIN_WHAT` characters; when
 * even that does not fit, the end is cut (the Region first).
 *
 * @example fitSubject('[HIGH] A very long title ... | 111122223333 (prod) us-east-1', 60, cutter)
 */
export function fitSubject(subject: string, max: number, cutTo: (text: string, max: number) => string): string {
  if (subject.length <= max) return cutTo(subject, max);
  const at = subject.lastIndexOf(SEPARATOR);
  if (at < 0) return cutTo(subject, max);
  const tail = subject.slice(at);
  const room = max - tail.length;
  if (room < MIN_WHAT) return cutTo(subject, max);
  return `${cutTo(subject.slice(0, at), room)}${tail}`;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x20-\x7e]+/g;
const SPACES = / {2,}/g;
const LETTERS = /[A-Za-z]/g;
const SINGLE_QUOTES = /[\u2018\u2019]/g;
const DOUBLE_QUOTES = /[\u201c\u201d]/g;
const DASHES = /[\u2010-\u2015]/g;
const ELLIPSIS = /\u2026/g;

/** ASCII form of `text`: accents dropped (é -> e), typographic quotes/dashes/ellipsis mapped, other non-ASCII removed. */
function toAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(ELLIPSIS, '...')
    .replace(NON_ASCII, ' ')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * An ASCII-only subject of at most `max` characters (SNS allows 100). When the subject is mostly
 * non-ASCII (e.g. a Japanese title), or starts with nothing SNS accepts as a first character, falls back to `[SEVERITY] Security Hub finding <control or type> | <account> <region>`
 * built from the notification's own fields.
 *
 * @example asciiSubject(email) // '[HIGH] Security Hub finding EC2.7 | 111122223333 ap-northeast-1'
 */
export function asciiSubject(email: Email, max = 100): string {
  const subject = sanitizeSubject(email.subject, Number.MAX_SAFE_INTEGER);
  const letters = (subject.match(LETTERS) ?? []).length;
  const meaningful = Array.from(subject).filter((c) => c.trim() !== '').length;
  const mostlyAscii = meaningful > 0 && letters / meaningful >= 0.5;
  // SNS also wants a letter, digit or punctuation first; the fallback always starts with one.
  const ascii = mostlyAscii ? cut(toAscii(subject), max).replace(BAD_START, '') : '';
  return ascii || cut(fallbackSubject(email), max);
}

function fallbackSubject(email: Email): string {
  const n = email.notification;
  const h = email.headers;
  const where = toAscii(`${h['X-SecurityHub-Account'] ?? ''} ${h['X-SecurityHub-Region'] ?? ''}`);
  if (n.kind === 'insight') return `Security Hub insight | ${where}`;
  if (n.kind === 'summary') return `Security Hub summary ${toAscii(n.summary.route)} | ${n.summary.open} open findings`;
  const severity = h['X-SecurityHub-Severity'] ?? 'INFO';
  if (n.kind === 'digest') return `[${severity}] ${n.findings.length} Security Hub findings | ${where}`;
  const what = toAscii(n.finding.compliance?.controlId ?? n.finding.types[0]?.split('/').pop() ?? n.finding.productName);
  return `[${severity}] Security Hub finding ${what} | ${where}`;
}

function cut(text: string, max: number): string {
  return fitSubject(sanitizeSubject(text, Number.MAX_SAFE_INTEGER), max, asciiCut);
}

/** ASCII text cut to `max` characters, `...` marking the cut. */
function asciiCut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 3)).trimEnd()}...`;
}
