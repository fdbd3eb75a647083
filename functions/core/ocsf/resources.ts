/** OCSF `resources[]` to the model's resources: type, id, Region, partition, tags and a short details summary. */
import { type DetailLeaf, pickDetails } from '../finding/detail-rank.js';
import type { Resource } from '../finding/model.js';
import { field } from '../finding/object.js';
import type { OcsfResource } from './schema.js';
import { obj, oneLine, str } from './text.js';

/** At most this many `key: value` detail lines per resource, each at most `MAX_DETAIL_CHARS` long. */
const MAX_DETAILS = 6;
const MAX_DETAIL_CHARS = 120;
/** Leaves read per resource before ranking. */
const MAX_LEAVES = 2000;
/** `data` keys not worth a line: tags are shown as tags already. */
const SKIPPED_KEYS = new Set(['tags']);

/**
 * Maps one resource; `undefined` when it has no identifier at all (uid, name or uid_alt). `title`
 * (the finding's) ranks the detail lines: the setting its control checks comes first.
 */
export function ocsfResource(resource: OcsfResource, title?: string): Resource | undefined {
  const id = str(resource.uid) ?? str(resource.name) ?? str(resource.uid_alt);
  if (id === undefined) return undefined;
  const tags: Record<string, string> = {};
  for (const tag of resource.tags ?? []) tags[tag.name] = tag.value ?? '';
  return {
    type: str(resource.type) ?? 'Other',
    id,
    ...field('region', str(resource.region)),
    ...field('partition', str(resource.cloud_partition)),
    tags,
    details: detailLines(resource, title),
  };
}

/**
 * A few lines from `labels` and the scalar values of `data` (nested objects one level deep, as
 * `parent.key`): the ones a control checks first (`pickDetails`), else in the finding's order.
 * Arrays of objects are left out.
 */
function detailLines(resource: OcsfResource, title: string | undefined): string[] {
  const leaves: DetailLeaf[] = [];
  const push = (key: string, value: string): void => {
    if (leaves.length < MAX_LEAVES) leaves.push({ key, value });
  };
  const data = obj(resource.data);
  for (const [key, value] of Object.entries(data ?? {})) {
    if (SKIPPED_KEYS.has(key)) continue;
    const scalar = scalarText(value);
    if (scalar !== undefined) {
      push(key, scalar);
      continue;
    }
    for (const [inner, innerValue] of Object.entries(obj(value) ?? {})) {
      const innerScalar = scalarText(innerValue);
      if (innerScalar !== undefined) push(`${key}.${inner}`, innerScalar);
    }
  }
  const labels = resource.labels !== undefined && resource.labels.length > 0 ? [{ key: 'labels', value: resource.labels.join(', ') }] : [];
  return [...labels, ...pickDetails(leaves, MAX_DETAILS - labels.length, title)].map((leaf) =>
    oneLine(`${leaf.key}: ${leaf.value}`, MAX_DETAIL_CHARS),
  );
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => str(v) !== undefined)) return value.join(', ');
  return str(value);
}
