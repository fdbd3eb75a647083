/** Small text helpers for values read from findings. */

/** The string when it has visible content, else undefined (also for non-strings). */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A control or separator character, white space other than a single inner space. */
const LINE_NEEDS_WORK = /[\p{Cc}\u2028\u2029]|[^\S ]| {2}|^ | $/u;

/**
 * One line of at most `max` characters: control characters (CR, LF, tab, ...) become spaces,
 * runs of white space collapse, and a cut line ends with `…`. Cuts never split a surrogate pair.
 *
 * @example clipLine('a\r\nb', 10) // 'a b'
 */
export function clipLine(value: string, max: number): string {
  // Fast path: already one clean line, and short enough without counting code points.
  if (!LINE_NEEDS_WORK.test(value) && value.length <= max) return value;
  const line = value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= max) return line;
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
