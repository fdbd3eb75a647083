import type * as z from 'zod/mini';
import { InvalidEventError } from './errors.js';
import { clipLine } from './finding/text.js';
import { isRecord, jsonKind } from './input/finding-shape.js';

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

/** An issue as zod reports it, or as it hands it to an error map before the message is set. */
type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** What went wrong, in words a person can act on (zod/mini's own messages say only "Invalid input"). */
export function describeIssue(issue: Issue): string {
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
    case 'invalid_union':
      // A discriminated union names its options when the discriminator matches none.
      if ('options' in issue && Array.isArray(issue.options)) {
        const options = issue.options.filter((option) => option !== undefined).map((option) => JSON.stringify(option));
        const { discriminator, input: object } = issue;
        const input =
          discriminator !== undefined && isRecord(object) && Object.hasOwn(object, discriminator) ? object[discriminator] : object;
        return `expected one of ${options.join(', ')}, got ${JSON.stringify(input)}`;
      }
      return issue.message ?? 'matches none of the allowed shapes';
    default:
      return issue.message ?? 'invalid';
  }
}

/**
 * Parse options that word each issue with {@link describeIssue}, unless the schema wrote its own
 * message (zod lets a schema's or check's own message win over the parse's): read `issue.message`.
 *
 * @example const result = schema.safeParse(raw, DESCRIBED_ISSUES); // result.error?.issues[0]?.message
 */
export const DESCRIBED_ISSUES = { reportInput: true, error: (issue: z.core.$ZodRawIssue) => describeIssue(issue) } as const;

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
