/** The resources of an ASFF finding, each with a short, bounded summary of its `Details`. */
import { type DetailLeaf, pickDetails } from '../finding/detail-rank.js';
import type { Resource } from '../finding/model.js';
import { clipLine } from '../finding/text.js';
import type { AsffResource } from './schema.js';

/** At most this many `key: value` lines per resource. */
export const DETAIL_LINES = 6;
/** At most this many characters per line. */
export const DETAIL_LINE_LENGTH = 200;
const MAX_DEPTH = 8;
/** Nodes walked per resource: enough for a security group with hundreds of rules, bounded for hostile input. */
export const MAX_VISITS = 5000;

/**
 * Every resource, in order (templates decide how many to show). `title` (the finding's) ranks the
 * detail lines: the setting its control checks comes first.
 */
export function asffResources(resources: readonly AsffResource[] | undefined, title?: string): Resource[] {
  return (resources ?? []).map((r) => ({
    type: r.Type,
    id: r.Id,
    ...(r.Region ? { region: r.Region } : {}),
    ...(r.Partition ? { partition: r.Partition } : {}),
    tags: { ...(r.Tags ?? {}) },
    details: summarizeDetails(r.Details, title),
  }));
}

/**
 * The scalar leaves of `Details` as `key: value` lines, keys relative to the resource-type object
 * (`Details.AwsEc2Instance.ImageId` -> `ImageId`). Empty values are skipped; at most `DETAIL_LINES`
 * lines of at most `DETAIL_LINE_LENGTH` characters, the ones a control checks first (`pickDetails`),
 * walked with a bounded depth and number of nodes.
 *
 * @example summarizeDetails({ Other: { name: 'trail' } }) // ['name: trail']
 */
export function summarizeDetails(details: Readonly<Record<string, unknown>> | undefined, title?: string): string[] {
  const leaves: DetailLeaf[] = [];
  let visits = 0;
  const walk = (value: unknown, key: string, depth: number): void => {
    if (visits >= MAX_VISITS) return;
    visits++;
    if (depth > MAX_DEPTH || value === null || value === undefined) return;
    if (typeof value === 'object') {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && visits < MAX_VISITS; i++) walk(value[i], `${key}[${i}]`, depth + 1);
      } else {
        for (const k of Object.keys(value)) {
          if (visits >= MAX_VISITS) break;
          walk((value as Record<string, unknown>)[k], key ? `${key}.${k}` : k, depth + 1);
        }
      }
      return;
    }
    const text = String(value);
    if (text.trim() === '' || key === '') return;
    leaves.push({ key, value: text });
  };
  for (const body of Object.values(details ?? {})) walk(body, '', 0);
  return pickDetails(leaves, DETAIL_LINES, title).map((leaf) => clipLine(`${leaf.key}: ${leaf.value}`, DETAIL_LINE_LENGTH));
}
