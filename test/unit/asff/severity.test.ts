import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEVERITIES, type Severity } from '../../../functions/core/finding/model.js';
import {
  compareSeverity,
  isAtLeast,
  isSeverity,
  labelFromNormalized,
  mostSevere,
  severityRank,
} from '../../../functions/core/finding/severity.js';

describe('labelFromNormalized', () => {
  it.each([
    [0, 'INFORMATIONAL'],
    [1, 'LOW'],
    [39, 'LOW'],
    [39.9, 'LOW'],
    [40, 'MEDIUM'],
    [69, 'MEDIUM'],
    [70, 'HIGH'],
    [89, 'HIGH'],
    [90, 'CRITICAL'],
    [100, 'CRITICAL'],
    [-5, 'INFORMATIONAL'],
    [250, 'CRITICAL'],
    [0.5, 'INFORMATIONAL'],
  ])('%d -> %s (the bands Security Hub documents)', (score, label) => {
    expect(labelFromNormalized(score)).toBe(label);
  });

  it('never ranks a higher score lower', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 110, noNaN: true }), fc.double({ min: -10, max: 110, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(severityRank(labelFromNormalized(low))).toBeLessThanOrEqual(severityRank(labelFromNormalized(high)));
      }),
    );
  });
});

describe('severity helpers', () => {
  it('ranks and sorts from INFORMATIONAL to CRITICAL', () => {
    const shuffled: Severity[] = ['HIGH', 'INFORMATIONAL', 'CRITICAL', 'LOW', 'MEDIUM'];
    expect([...shuffled].sort(compareSeverity)).toEqual([...SEVERITIES]);
    expect([...shuffled].sort((a, b) => compareSeverity(b, a))[0]).toBe('CRITICAL');
  });

  it('isAtLeast compares against a minimum', () => {
    expect([isAtLeast('HIGH', 'MEDIUM'), isAtLeast('MEDIUM', 'MEDIUM'), isAtLeast('LOW', 'MEDIUM')]).toEqual([true, true, false]);
  });

  it('mostSevere picks the worst, undefined for none', () => {
    expect(mostSevere(['LOW', 'CRITICAL', 'MEDIUM'])).toBe('CRITICAL');
    expect(mostSevere([])).toBeUndefined();
  });

  it('isSeverity accepts exactly the five labels', () => {
    expect(SEVERITIES.every(isSeverity)).toBe(true);
    for (const value of ['high', 'SEVERE', '', 3, null, undefined]) expect(isSeverity(value)).toBe(false);
  });
});
