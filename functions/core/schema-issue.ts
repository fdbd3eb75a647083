import type * as z from 'zod/mini';
import { InvalidEventError } from './errors.js';
import { clipLine } from './finding/text.js';
import { jsonKind } from './input/finding-shape.js';

/** `['detail', 'findings', 0, 'Severity']` -> `detail.findings[0].Severity`. */
export function jsonPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** What went wrong, in words a person can act on (zod/mini's own messages say only "Invalid input"). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${jsonKind(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'too_small':
      return `too small: at least ${String(issue.minimum)}`;
    case 'too_big':
      return `too big: at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

/**
 * The `InvalidEventError` for a failed schema check: the first issue's JSON path under `prefix`,
 * what was expected and found (clipped: the value is attacker-controlled; parse with
 * `reportInput: true` so it is known), and how many more problems there are.
 *
 * @example throw schemaError('event.json', 'detail.findings[0]', parsed.error, 'invalid ASFF finding');
 */
export function schemaError(input: string, prefix: string, error: z.core.$ZodError, fallback: string): InvalidEventError {
  const [first, ...rest] = error.issues;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})`;
  const reason = first ? clipLine(describeIssue(first), 300) : fallback;
  return new InvalidEventError(input, jsonPath(first?.path ?? [], prefix), `${reason}${more}`, { cause: error });
}
