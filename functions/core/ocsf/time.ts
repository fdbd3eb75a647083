/** OCSF timestamps (`*_time` epoch milliseconds with `*_time_dt` ISO twins) to ISO-8601 strings. */

/**
 * ISO-8601 (UTC, milliseconds) from the `_dt` twin when it parses, else from the epoch-ms value;
 * undefined when neither gives a valid date.
 *
 * @example ocsfTime(1759524561464, undefined) // '2025-10-03T20:49:21.464Z'
 */
export function ocsfTime(epochMs: number | undefined, iso: string | undefined): string | undefined {
  if (iso !== undefined) {
    const parsed = Date.parse(iso);
    if (Number.isFinite(parsed)) return new Date(parsed).toISOString();
  }
  if (epochMs !== undefined && Number.isFinite(epochMs)) {
    const date = new Date(epochMs);
    if (Number.isFinite(date.getTime())) return date.toISOString();
  }
  return undefined;
}
