/** The resources of an ASFF finding, each with a short, bounded summary of its `Details`. */
import type { Resource } from '../finding/model.js';
import { clipLine } from '../finding/text.js';
import type { AsffResource } from './schema.js';

/** At most this many `key: value` lines per resource. */
export const DETAIL_LINES = 6;
/** At most this many characters per line. */
export const DETAIL_LINE_LENGTH = 200;
const MAX_DEPTH = 8;
const MAX_VISITS = 500;

/** Every resource, in order (templates decide how many to show). */
export function asffResources(resources: readonly AsffResource[] | undefined): Resource[] {
  return (resources ?? []).map((r) => ({
    type: r.Type,
    id: r.Id,
    ...(r.Region ? { region: r.Region } : {}),
    ...(r.Partition ? { partition: r.Partition } : {}),
    tags: { ...(r.Tags ?? {}) },
    details: summarizeDetails(r.Details),
  }));
}

/**
 * The first scalar leaves of `Details` as `key: value` lines, keys relative to the resource-type
 * object (`Details.AwsEc2Instance.ImageId` -> `ImageId`). Empty values are skipped; at most
 * `DETAIL_LINES` lines of at most `DETAIL_LINE_LENGTH` characters, walked with a bounded depth.
 *
 * @example summarizeDetails({ Other: { name: 'trail' } }) // ['name: trail']
 */
export function summarizeDetails(details: Readonly<Record<string, unknown>> | undefined): string[] {
  const lines: string[] = [];
  let visits = 0;
  const full = () => lines.length >= DETAIL_LINES || visits >= MAX_VISITS;
  const walk = (value: unknown, key: string, depth: number): void => {
    if (full()) return;
    visits++;
    if (depth > MAX_DEPTH || value === null || value === undefined) return;
    if (typeof value === 'object') {
      // Child keys are built one at a time and only until the lines are full: a resource can hold
      // thousands of entries (security group rules, policy statements) of which six are shown.
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && !full(); i++) walk(value[i], `${key}[${i}]`, depth + 1);
      } else {
        for (const k of Object.keys(value)) {
          if (full()) break;
          walk((value as Record<string, unknown>)[k], key ? `${key}.${k}` : k, depth + 1);
        }
      }
      return;
    }
    const text = String(value);
    if (text.trim() === '' || key === '') return;
    lines.push(clipLine(`${key}: ${text}`, DETAIL_LINE_LENGTH));
  };
  for (const body of Object.values(details ?? {})) walk(body, '', 0);
  return lines;
}
