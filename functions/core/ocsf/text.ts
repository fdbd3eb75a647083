/** Small text helpers for display lines built from finding data (attacker-controlled). */
import { clipLine, nonEmpty } from '../finding/text.js';
import { isRecord } from '../input/finding-shape.js';

/** Zero-width and bidirectional-control characters: invisible, yet they can reorder a line. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * One trimmed line of at most `max` characters (an ellipsis marks a cut): `clipLine` after
 * removing invisible characters.
 *
 * @example oneLine('a\nb', 10) // 'a b'
 */
export function oneLine(value: string, max: number): string {
  return clipLine(value.replace(INVISIBLE, ''), max);
}

/** `value` when it is a string with visible content (`nonEmpty`), a finite number as text, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : nonEmpty(value);
}

/** `value` when it is a plain object, else undefined. */
export function obj(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return isRecord(value) ? value : undefined;
}
