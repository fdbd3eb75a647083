/** Small text helpers for display lines built from finding data (attacker-controlled). */
import { clipLine } from '../finding/text.js';

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

/** `value` when it is a non-empty string (after trimming), else undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** `value` when it is a plain object, else undefined. */
export function obj(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * `{ [key]: value }`, or `{}` when `value` is undefined: spreads an optional field without writing
 * `key: undefined` (the model is built with `exactOptionalPropertyTypes`).
 *
 * @example ({ ...field('region', undefined) }) // {}
 */
export function field<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
