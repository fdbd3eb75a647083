/**
 * Reading loosely shaped JSON (finding parts whose shape varies by producer and era), without
 * trusting it: members are matched without regard to case (ASFF `RemoteIpDetails`, GuardDuty's
 * flattened `remoteIpDetails`), and only strings, finite numbers and booleans become text.
 */
import { isRecord } from '../input/finding-shape.js';
import { nonEmpty } from './text.js';

export type Json = Readonly<Record<string, unknown>>;

/** The member at `path` of `value`, each name matched without regard to case; undefined when absent. */
export function member(value: unknown, ...path: readonly string[]): unknown {
  let node = value;
  for (const name of path) {
    if (!isRecord(node)) return undefined;
    if (Object.hasOwn(node, name)) {
      node = node[name];
      continue;
    }
    const lower = name.toLowerCase();
    const key = Object.keys(node).find((k) => k.toLowerCase() === lower);
    node = key === undefined ? undefined : node[key];
  }
  return node;
}

/** The text of a scalar: a string with visible content, a finite number, or a boolean; else undefined. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return nonEmpty(value);
}

/** `member` as text (see `scalar`). */
export function text(value: unknown, ...path: readonly string[]): string | undefined {
  return scalar(member(value, ...path));
}

/** The items of a list, or the values of an object keyed by index (as flattened fields unflatten); else []. */
export function items(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return isRecord(value) ? Object.values(value) : [];
}

/**
 * Nests flattened `a/b/c.0_/d` keys (GuardDuty's ProductFields) into objects: `{ a: { b: { c: { 0: { d } } } } }`.
 * Keys are taken after `prefix`; others are skipped. Bounded by the number of keys the finding has.
 *
 * @example unflatten({ 'x/action/actionType': 'DNS_REQUEST' }, 'x/') // { action: { actionType: 'DNS_REQUEST' } }
 */
export function unflatten(fields: Json, prefix: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith(prefix)) continue;
    const parts = key
      .slice(prefix.length)
      .split('/')
      .flatMap((part) => {
        const indexed = /^(.+)\.(\d+)_$/.exec(part);
        return indexed ? [indexed[1] ?? part, indexed[2] ?? '0'] : [part];
      });
    let node = root;
    for (const [i, part] of parts.entries()) {
      if (part === '__proto__' || part === 'constructor' || part === 'prototype') break;
      if (i === parts.length - 1) {
        if (!Object.hasOwn(node, part)) node[part] = value;
        break;
      }
      const next = node[part];
      if (isRecord(next)) node = next as Record<string, unknown>;
      else {
        const child: Record<string, unknown> = {};
        node[part] = child;
        node = child;
      }
    }
  }
  return root;
}

/** `YES` / `NO` from ASFF's enumeration (any case), else undefined. */
export function yesNo(value: unknown): 'YES' | 'NO' | undefined {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : typeof value === 'boolean' ? (value ? 'YES' : 'NO') : '';
  return upper === 'YES' || upper === 'NO' ? upper : undefined;
}

/** A probability 0-1 (a number or numeric text), else undefined. */
export function probability(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

export function nonEmptyList(values: readonly string[]): readonly string[] | undefined {
  return values.length === 0 ? undefined : values;
}

/**
 * The parts that are present, joined; undefined when none is.
 *
 * @example joined(['a', undefined, 'b'], ', ') // 'a, b'
 */
export function joined(parts: readonly (string | undefined)[], separator: string): string | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part !== '');
  return present.length === 0 ? undefined : present.join(separator);
}

/** `(value)`, or undefined for undefined. */
export const paren = (value: string | undefined): string | undefined => (value === undefined ? undefined : `(${value})`);
