/** Dates as readers expect them: `2020-07-25 16:06 (Asia/Tokyo)`, in the configured zone, the zone named. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      numberingSystem: 'latn',
    });
    formatters.set(key, found);
  }
  return found;
}

/**
 * Formats an ISO-8601 timestamp in `timeZone`; gives `undefined` for a missing or unreadable value.
 *
 * @example formatDate('2020-07-25T07:06:00Z', 'ja', 'Asia/Tokyo') // '2020-07-25 16:06 (Asia/Tokyo)'
 */
export function formatDate(iso: string | undefined, locale: string, timeZone: string): string | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const parts: Record<string, string> = {};
  for (const part of formatter(locale, timeZone).formatToParts(time)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}
