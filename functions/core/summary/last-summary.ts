/**
 * What a summary remembers for the next one to the same audience: its time, its open total, and
 * a compact record of which findings were open (short hashes of `Finding.key`). The next summary
 * counts new and resolved findings against that record. Pure.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../finding/model.js';

export interface LastSummary {
  readonly at: Date;
  readonly open: number;
  /**
   * `findingHash` of every finding open then; absent when it was not recorded (an older record,
   * or a summary whose findings could not all be read), and new and resolved then come from timestamps.
   */
  readonly keys?: ReadonlySet<string>;
}

/** Hex digits of a finding hash: 64 bits, so 100,000 open findings share a hash with odds of about 1 in 3.7 billion. */
export const FINDING_HASH_HEX = 16;

/**
 * A short, stable hash of a finding's identity.
 *
 * @example findingHash('arn:aws:securityhub:...') // '3f1c9a0b4d2e7f61'
 */
export function findingHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, FINDING_HASH_HEX);
}

/** The hashes of these findings, sorted, without repeats. */
export function findingHashes(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => findingHash(f.key)))].sort();
}
