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
  const walk = (value: unknown, key: string, depth: number): void => {
    if (lines.length >= DETAIL_LINES || visits++ >= MAX_VISITS || depth > MAX_DEPTH) return;
    if (value === null || value === undefined) return;
    if (typeof value === 'object') {
      const entries = Array.isArray(value)
        ? value.map((v, i) => [`${key}[${i}]`, v] as const)
        : Object.entries(value).map(([k, v]) => [key ? `${key}.${k}` : k, v] as const);
      for (const [childKey, child] of entries) walk(child, childKey, depth + 1);
      return;
    }
    const text = String(value);
    if (text.trim() === '' || key === '') return;
    lines.push(clipLine(`${key}: ${text}`, DETAIL_LINE_LENGTH));
  };
  for (const body of Object.values(details ?? {})) walk(body, '', 0);
  return lines;
}
