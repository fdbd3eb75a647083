// STUB: implemented by the OCSF/insight work. Signature is the contract.
import { InvalidEventError } from '../errors.js';
import type { InsightResult } from '../finding/model.js';
import type { SecurityHubEvent } from '../input/event.js';

/** Reads a `Security Hub Insight Results` event. Throws `InvalidEventError` with the JSON path. */
export function readInsight(_event: SecurityHubEvent, input: string): InsightResult {
  throw new InvalidEventError(input, 'detail', 'Insight Results reader not implemented yet');
}
