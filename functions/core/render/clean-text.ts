/**
 * Cleaners for finding text before it reaches a template. Finding text is attacker-controlled:
 * control characters, bidi overrides and zero-width characters can hide or reorder what a reader
 * sees, and CR/LF in a one-line value can forge lines in a text body or a header.
 */

// C0 except tab/LF, DEL, C1, bidi embeddings/overrides/isolates, zero-width and BOM characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const HIDDEN_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const CRLF = /\r\n?/g;
const LINE_BREAKS = /[\t\n\u2028\u2029]+/g;
const SPACES = /[ \t\u00a0\u3000]+/g;
const MANY_BLANK_LINES = /\n{3,}/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;
const TABS = /\t/g;
// A lone UTF-16 surrogate (valid in JSON) cannot be encoded as UTF-8 or URL-encoded: it becomes U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Fast paths: most finding text needs no cleaning, and one test is cheaper than five replacements.
// The checks are split: a single character class, then `includes` and `trim` for runs and edges
// (an alternation such as `^\s|\s$` makes the regex engine try every branch at every position).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const LINE_SPECIAL = /[\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3000\ufeff\ud800-\udfff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const TEXT_SPECIAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/;
const SPACE_BEFORE_LF = /[^\S\n]\n/;

/** `trim` and `\s` know the same white space: an untrimmed edge is what `^\s|\s$` finds. */
const hasEdgeSpace = (value: string): boolean => value.trim().length !== value.length;
const lineNeedsCleaning = (value: string): boolean => LINE_SPECIAL.test(value) || value.includes('  ') || hasEdgeSpace(value);
const textNeedsCleaning = (value: string): boolean =>
  TEXT_SPECIAL.test(value) || value.includes('\n\n\n') || hasEdgeSpace(value) || (value.includes('\n') && SPACE_BEFORE_LF.test(value));

/** One line: every control, bidi and zero-width character removed, whitespace collapsed, trimmed. */
export function cleanLine(value: string): string {
  if (!lineNeedsCleaning(value)) return value;
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CRLF, '\n')
    .replace(HIDDEN_MULTILINE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(SPACES, ' ')
    .trim();
}

/** Several lines: like `cleanLine` but line breaks kept (CRLF -> LF, at most one blank line in a row). */
export function cleanText(value: string): string {
  if (!textNeedsCleaning(value)) return value;
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CRLF, '\n')
    .replace(LINE_SEPARATORS, '\n')
    .replace(HIDDEN_MULTILINE, '')
    .replace(TABS, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(MANY_BLANK_LINES, '\n\n')
    .trim();
}

/**
 * `clean` then `shorten`, cleaning at most a `4 * max` prefix: a 5 MB description costs what a
 * 16 KB one does. A value cut that way is always marked shortened.
 *
 * @example cleanShort('a\u200bb', 10, cleanLine) // { text: 'ab', shortened: false }
 */
export function cleanShort(value: string, max: number, clean: (value: string) => string): { text: string; shortened: boolean } {
  if (value.length <= max * 4) return shorten(clean(value), max);
  const cut = shorten(clean(value.slice(0, max * 4)), max);
  return { text: cut.shortened ? cut.text : `${cut.text}…`, shortened: true };
}

/**
 * The UTF-16 index just past the first `count` code points of `value` (a lone surrogate counts as
 * one, as in `Array.from`), or `value.length` when it has fewer.
 */
function codePointEnd(value: string, count: number): number {
  let i = 0;
  for (let n = 0; n < count && i < value.length; n++) {
    const unit = value.charCodeAt(i);
    const low = unit >= 0xd800 && unit <= 0xdbff ? value.charCodeAt(i + 1) : 0;
    i += low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  }
  return i;
}

/**
 * Cuts `value` to at most `max` characters (code points), ending with an ellipsis when cut.
 * Counts only as far as it cuts: no array of characters (a property test checks it against one).
 */
export function shorten(value: string, max: number): { text: string; shortened: boolean } {
  // UTF-16 length >= code points: a short string needs no counting.
  if (value.length <= max || codePointEnd(value, max) === value.length) return { text: value, shortened: false };
  return { text: `${value.slice(0, codePointEnd(value, Math.max(0, max - 1))).trimEnd()}…`, shortened: true };
}
