// STUB: implemented by the input/ASFF work. Signature is the contract.
import type { SecurityHubEvent } from './event.js';

/**
 * Turns parsed JSON into checked EventBridge envelopes. Accepts an EventBridge event, and for
 * replay also a bare finding (ASFF or OCSF), a list of findings, `{Findings: [...]}`,
 * `{findings: [...]}` and Cloud Custodian placebo recordings, which it wraps in synthetic
 * Imported (ASFF) or Imported V2 (OCSF) events. Throws `InvalidEventError` naming `input`
 * and the JSON path.
 */
export declare function decodeInput(json: unknown, input: string): SecurityHubEvent[];
