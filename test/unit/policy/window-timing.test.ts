/** When a group's window flushes: the pure timing rules of the delivery windows. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../functions/core/config.js';
import { flushDue, needsSchedule, waitMs, windowGroup } from '../../../functions/core/policy/window-timing.js';
import { aFinding } from './builder.js';

const defaults = parseConfig({}).policy.window;
const withCritical = { ...defaults, severityWaitSeconds: { CRITICAL: 10 } };

describe('window timing', () => {
  it('waits groupWaitSeconds by default, and a severity its own wait', () => {
    expect(waitMs('MEDIUM', defaults)).toBe(30_000);
    expect(waitMs('CRITICAL', defaults)).toBe(30_000);
    expect(waitMs('CRITICAL', withCritical)).toBe(10_000);
  });

  it('flushes at the shortest wait of the new findings, never before the group interval since the last flush', () => {
    expect(flushDue(['MEDIUM', 'CRITICAL'], 1_000, undefined, withCritical)).toBe(11_000);
    expect(flushDue(['MEDIUM'], 1_000, 300_000, withCritical)).toBe(300_000);
    expect(flushDue(['MEDIUM'], 400_000, 300_000, withCritical)).toBe(430_000);
  });

  it('schedules a window with none, pulls a later one in, and takes over one overdue past the limit', () => {
    expect(needsSchedule(undefined, 30_000, 0, 600_000)).toBe(true);
    expect(needsSchedule(40_000, 30_000, 0, 600_000)).toBe(true);
    expect(needsSchedule(20_000, 30_000, 0, 600_000)).toBe(false);
    expect(needsSchedule(20_000, 700_000, 620_000, 600_000)).toBe(false);
    expect(needsSchedule(19_000, 700_000, 620_000, 600_000)).toBe(true);
  });

  it('groups by route and the groupBy fields: one window never mixes routes, accounts or severities', () => {
    const route = { name: 'default', match: {} };
    const a = aFinding({ accountId: '111122223333', severity: 'HIGH' });
    const b = aFinding({ accountId: '444455556666', severity: 'HIGH' });
    expect(windowGroup(a, route, ['accountId', 'severity'])).not.toBe(windowGroup(b, route, ['accountId', 'severity']));
    expect(windowGroup(a, route, ['severity'])).toBe(windowGroup(b, route, ['severity']));
    expect(windowGroup(a, route, ['severity'])).not.toBe(windowGroup(a, { name: 'payments', match: {} }, ['severity']));
  });
});
