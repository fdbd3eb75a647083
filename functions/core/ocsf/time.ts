/** OCSF timestamps (`*_time` epoch milliseconds with `*_time_dt` ISO twins) to ISO-8601 strings. */
import { EARLIEST_FINDING_TIME } from '../finding/model.js';

/**
 * Below this, an epoch number is in seconds, not milliseconds: 1e11 ms is March 1973 (before any
 * finding), 1e11 s is the year 5138. Some producers write OCSF times in seconds.
 */
const SECONDS_BELOW = 1e11;

/**
 * ISO-8601 (UTC, milliseconds) from the `_dt` twin when it parses, else from the epoch value, read
 * as seconds or milliseconds by its magnitude; undefined when neither gives a date from 2000 on.
 *
 * @example ocsfTime(1759524561464, undefined) // '2025-10-03T20:49:21.464Z'
 * @example ocsfTime(1759524561, undefined) // '2025-10-03T20:49:21.000Z'
 */
export function ocsfTime(epoch: number | undefined, iso: string | undefined): string | undefined {
  if (iso !== undefined) {
    const parsed = Date.parse(iso);
    if (Number.isFinite(parsed) && parsed >= EARLIEST_FINDING_TIME) return new Date(parsed).toISOString();
  }
  if (epoch !== undefined && Number.isFinite(epoch) && epoch > 0) {
    const date = new Date(Math.abs(epoch) < SECONDS_BELOW ? epoch * 1000 : epoch);
    if (Number.isFinite(date.getTime()) && date.getTime() >= EARLIEST_FINDING_TIME) return date.toISOString();
  }
  return undefined;
}
