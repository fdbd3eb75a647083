/** Small text helpers for values read from findings. */

/** The string when it has visible content, else undefined (also for non-strings). */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A control or separator character, or white space other than a space. */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]|[^\S ]/u;
const SPACE = 0x20;

/**
 * Already one clean line: no control or separator character, no white space but single inner
 * spaces. One character class, then `includes` and the two edges: an alternation such as
 * `| {2}|^ | $` makes the regex engine try every branch at every position.
 */
const isCleanLine = (value: string): boolean =>
  !NOT_ONE_LINE.test(value) && !value.includes('  ') && value.charCodeAt(0) !== SPACE && value.charCodeAt(value.length - 1) !== SPACE;

/**
 * One line of at most `max` characters: control characters (CR, LF, tab, ...) become spaces,
 * runs of white space collapse, and a cut line ends with `…`. Cuts never split a surrogate pair.
 *
 * @example clipLine('a\r\nb', 10) // 'a b'
 */
export function clipLine(value: string, max: number): string {
  // Fast path: already one clean line, and short enough without counting code points.
  if (value.length <= max && isCleanLine(value)) return value;
  const line = value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= max) return line;
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * The first line of `text` with visible content, one clean line of at most `max` characters: a
 * title for a finding that has none.
 *
 * @example firstLine('\nPort 22 open\nmore', 200) // 'Port 22 open'
 */
export function firstLine(text: string | undefined, max: number): string | undefined {
  const line = text?.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? undefined : clipLine(line, max);
}
