/** The OCSF findings inside a fixture file (bare finding, list, or `Findings Imported V2` event), with their JSON paths. */

export interface OcsfInput {
  readonly path: string;
  readonly raw: Record<string, unknown>;
}

/** Each finding of `json` and where it sits: `[i]` in a list, `detail.findings[i]` in an event, `''` when bare. */
export function ocsfInputs(json: unknown): OcsfInput[] {
  if (Array.isArray(json)) return json.map((raw, i) => ({ path: `[${i}]`, raw: asRecord(raw) }));
  const top = asRecord(json);
  const detail = top.detail;
  if (detail !== undefined) {
    const findings = asRecord(detail).findings;
    if (!Array.isArray(findings)) throw new Error('event without detail.findings');
    return findings.map((raw, i) => ({ path: `detail.findings[${i}]`, raw: asRecord(raw) }));
  }
  return [{ path: '', raw: top }];
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}

/** `obj.a.b.c` for a dotted path, or undefined. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Sets `root.a.b[0].c` (dotted path; numeric parts index arrays) to `value`, or deletes it when
 * `value` is undefined. For tests that break one field of a fixture copy.
 */
export function setAt(root: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop();
  let current: unknown = root;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) throw new Error(`no object at ${key} of ${path}`);
    current = (current as Record<string, unknown>)[key];
  }
  if (typeof current !== 'object' || current === null || last === undefined) throw new Error(`cannot set ${path}`);
  const target = current as Record<string, unknown>;
  if (value === undefined) delete target[last];
  else target[last] = value;
}
