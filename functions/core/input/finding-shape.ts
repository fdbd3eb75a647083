/** Tells an ASFF finding from an OCSF one by the keys each format always has. */

/** Which format a bare finding object is in, if any. */
export type FindingShape = 'asff' | 'ocsf';

/**
 * `asff` for an object with `SchemaVersion` or `ProductArn` (ASFF findings always carry both),
 * `ocsf` for one with `class_uid`, `finding_info` or a `metadata` object (OCSF 1.x findings),
 * else undefined.
 *
 * @example findingShape({ SchemaVersion: '2018-10-08', Id: 'x' }) // 'asff'
 */
export function findingShape(value: unknown): FindingShape | undefined {
  if (!isRecord(value)) return undefined;
  if ('SchemaVersion' in value || 'ProductArn' in value) return 'asff';
  if ('class_uid' in value || 'finding_info' in value || isRecord(value.metadata)) return 'ocsf';
  return undefined;
}

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What kind of JSON value this is, for messages: `null`, `array`, else its `typeof`. */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
