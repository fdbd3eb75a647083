/** Silences: configured matchers that suppress findings until they expire, without touching Security Hub. */
import type { Finding } from '../finding/model.js';
import { matches } from './matcher.js';
import type { Silence } from './policy-config.js';

/**
 * Whether a silence is in force: strictly before its `expiresAt`.
 *
 * @example
 * isActive({ match: {}, reason: 'known', expiresAt: '2026-01-01' }, new Date('2025-12-31T23:59:59Z')) // true
 */
export function isActive(silence: Silence, now: Date): boolean {
  return now.getTime() < Date.parse(silence.expiresAt);
}

/**
 * The first active silence that matches the finding, if any.
 *
 * @example
 * activeSilence(finding, config.policy.silences, now)?.reason // 'accepted risk, JIRA-123'
 */
export function activeSilence(finding: Finding, silences: readonly Silence[], now: Date): Silence | undefined {
  return silences.find((silence) => isActive(silence, now) && matches(finding, silence.match));
}
