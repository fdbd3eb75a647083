/** OCSF severity (`severity_id`, or the `severity` caption) to the model's labels. */
import type { Severity } from '../finding/model.js';
import { ownValue } from '../finding/object.js';

export const SEVERITY_BY_ID: Readonly<Record<number, Severity>> = {
  1: 'INFORMATIONAL',
  2: 'LOW',
  3: 'MEDIUM',
  4: 'HIGH',
  5: 'CRITICAL',
  // OCSF "Fatal" is worse than Critical; the model has no higher label.
  6: 'CRITICAL',
};

const BY_CAPTION: Readonly<Record<string, Severity>> = {
  informational: 'INFORMATIONAL',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  critical: 'CRITICAL',
  fatal: 'CRITICAL',
};

/**
 * The label for an OCSF finding. `severity_id` wins when it names a level (1-6); for 0 Unknown,
 * 99 Other or no id, the `severity` caption is matched case-insensitively. Undefined when neither
 * names a level: the caller decides (see `ocsfToFinding`).
 *
 * @example ocsfSeverity(6, 'Fatal') // 'CRITICAL'
 * @example ocsfSeverity(99, 'High') // 'HIGH'
 */
export function ocsfSeverity(id: number | undefined, caption: string | undefined): Severity | undefined {
  const byId = id === undefined ? undefined : SEVERITY_BY_ID[id];
  if (byId !== undefined) return byId;
  return caption === undefined ? undefined : ownValue(BY_CAPTION, caption.trim().toLowerCase());
}
