/** Dates as readers expect them: `2020-07-25 16:06 (Asia/Tokyo)`, in the configured zone, the zone named. */
import { EARLIEST_FINDING_TIME } from '../finding/model.js';

const QUARTER_HOUR = 15 * 60_000;
const MAX_CACHED_OFFSETS = 10_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** Reads the wall clock of `timeZone` (Latin digits, 0-23 hours); the same for every locale, so one per zone. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en', {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/**
 * The zone's UTC offset (ms) at `time`. Intl is slow (~8 us a call, ~15 ms for the first formatter
 * of a process), so UTC, the default, needs none, and other offsets are computed once per zone and
 * quarter hour (every zone changes its offset on a quarter-hour boundary).
 */
function offsetAt(timeZone: string, time: number): number {
  if (timeZone === 'UTC') return 0;
  const bucket = Math.floor(time / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${bucket}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(bucket)) parts[part.type] = Number(part.value);
  const month = (parts.month ?? 1) - 1;
  // The year is the UTC one (an offset is less than a day), one more or less across New Year. Not
  // Intl's year (BC years count down, without a sign) nor `Date.UTC` (it reads years 0-99 as 1900-1999).
  const utc = new Date(bucket);
  const year = utc.getUTCFullYear() + (month === 0 && utc.getUTCMonth() === 11 ? 1 : month === 11 && utc.getUTCMonth() === 0 ? -1 : 0);
  const local = new Date(0);
  local.setUTCFullYear(year, month, parts.day ?? 1);
  local.setUTCHours(parts.hour ?? 0, parts.minute ?? 0);
  const offset = local.getTime() - bucket;
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** Two digits for a month, day, hour or minute (0-59). */
const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * Formats an ISO-8601 timestamp in `timeZone`; gives `undefined` for a missing or unreadable value.
 * The format is the same in every locale.
 *
 * @example formatDate('2020-07-25T07:06:00Z', 'Asia/Tokyo') // '2020-07-25 16:06 (Asia/Tokyo)'
 */
export function formatDate(iso: string | undefined, timeZone: string): string | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const local = new Date(time + offsetAt(timeZone, time));
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return `${date} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} (${timeZone})`;
}

/**
 * `formatDate` for a finding's own times: a time before `EARLIEST_FINDING_TIME` is a wrong value
 * or unit (January 1970), never a finding's, and is left out.
 *
 * @example findingDate('1970-01-21T08:56:00Z', 'UTC') // undefined
 */
export function findingDate(iso: string | undefined, timeZone: string): string | undefined {
  if (iso === undefined || !(Date.parse(iso) >= EARLIEST_FINDING_TIME)) return undefined;
  return formatDate(iso, timeZone);
}
