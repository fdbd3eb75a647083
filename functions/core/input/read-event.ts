// STUB: implemented by the input/ASFF work. Signature is the contract.
import type { InvalidEventError } from '../errors.js';
import type { Finding, InsightResult, Trigger } from '../finding/model.js';
import type { SecurityHubEvent } from './event.js';

/** One finding of an event: read, or refused with the JSON path of what is wrong. */
export type FindingResult = { readonly ok: true; readonly finding: Finding } | { readonly ok: false; readonly error: InvalidEventError };

/** What an event holds, by kind. */
export type EventContent =
  | { readonly kind: 'findings'; readonly trigger: Trigger; readonly findings: readonly FindingResult[] }
  | { readonly kind: 'insight'; readonly trigger: Trigger; readonly insight: InsightResult };

/**
 * Reads a checked envelope by its detail-type. A bad finding inside a good event becomes a
 * failed `FindingResult` (the others still count); a bad envelope or an unknown detail-type or
 * source throws `InvalidEventError`.
 */
export declare function readEvent(event: SecurityHubEvent, input: string): EventContent;
