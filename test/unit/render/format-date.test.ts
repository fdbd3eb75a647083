import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../functions/core/render/format-date.js';

/** The reference: Intl on every call, no caching. */
function reference(time: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(time)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}

describe('formatDate', () => {
  it('formats in the configured zone and names it', () => {
    expect(formatDate('2020-07-25T07:06:41.000Z', 'Asia/Tokyo')).toBe('2020-07-25 16:06 (Asia/Tokyo)');
    expect(formatDate('2020-07-25T07:06:41.000Z', 'UTC')).toBe('2020-07-25 07:06 (UTC)');
    expect(formatDate('2021-03-14T06:59:00Z', 'America/New_York')).toBe('2021-03-14 01:59 (America/New_York)');
    expect(formatDate('2021-03-14T07:00:00Z', 'America/New_York')).toBe('2021-03-14 03:00 (America/New_York)');
  });

  it('formats years before 1970 and after 9999', () => {
    expect(formatDate('1969-12-31T23:59:00Z', 'UTC')).toBe('1969-12-31 23:59 (UTC)');
    expect(formatDate('9999-12-31T23:59:00Z', 'UTC')).toBe('9999-12-31 23:59 (UTC)');
    expect(formatDate('+010000-01-01T00:00:00Z', 'UTC')).toBe('10000-01-01 00:00 (UTC)');
    expect(formatDate('1970-01-01T08:00:00+09:00', 'Asia/Tokyo')).toBe('1970-01-01 08:00 (Asia/Tokyo)');
  });

  it('shifts years 0-99 and BC years like any other in a zone with an offset, across New Year too', () => {
    expect(formatDate('0050-01-01T00:00:00Z', 'Etc/GMT-9')).toBe('50-01-01 09:00 (Etc/GMT-9)');
    expect(formatDate('0099-12-31T20:00:00Z', 'Etc/GMT-9')).toBe('100-01-01 05:00 (Etc/GMT-9)');
    expect(formatDate('0050-01-01T02:00:00Z', 'Etc/GMT+5')).toBe('49-12-31 21:00 (Etc/GMT+5)');
    expect(formatDate('-000010-12-31T20:00:00Z', 'Etc/GMT-9')).toBe('-9-01-01 05:00 (Etc/GMT-9)');
  });

  it('gives undefined for a missing or unreadable timestamp', () => {
    expect(formatDate(undefined, 'UTC')).toBeUndefined();
    expect(formatDate('not a date', 'UTC')).toBeUndefined();
  });

  it('agrees with Intl in zones with DST and half- or quarter-hour offsets', () => {
    const zones = ['Asia/Tokyo', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/Berlin', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (time, zone) => {
        expect(formatDate(new Date(time).toISOString(), zone)).toBe(reference(time, zone));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('UTC (no Intl, offset 0) agrees with Intl in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (time) => {
        expect(formatDate(new Date(time).toISOString(), 'UTC')).toBe(reference(time, 'UTC'));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('agrees with Intl minute by minute across DST changes at odd UTC times', () => {
    const days = [
      ['America/St_Johns', Date.UTC(2021, 2, 14)],
      ['Australia/Lord_Howe', Date.UTC(2021, 3, 3)],
      ['Pacific/Chatham', Date.UTC(2021, 3, 3)],
      ['Europe/Berlin', Date.UTC(2021, 9, 31)],
    ] as const;
    for (const [zone, start] of days) {
      for (let time = start; time < start + 86_400_000; time += 60_000) {
        expect(formatDate(new Date(time).toISOString(), zone)).toBe(reference(time, zone));
      }
    }
  });
});
