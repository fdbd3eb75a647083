/**
 * The Lambda's decoder: an SQS body or an EventBridge invocation is always one EventBridge event.
 * The other input shapes (bare findings, lists, placebo recordings) are replay's, in `decode.ts`,
 * and stay out of the Lambda bundle.
 */
import { InvalidEventError } from '../errors.js';
import { checkEnvelope, looksLikeEvent } from './envelope.js';
import type { SecurityHubEvent } from './event.js';
import { isRecord } from './finding-shape.js';

/**
 * The checked envelope of one EventBridge event, as a list of one (the shape of `decodeInput`).
 * Throws `InvalidEventError` naming `input` for anything else.
 *
 * @example decodeEvent(JSON.parse(record.body), record.messageId)[0].detailType // 'Security Hub Findings - Imported'
 */
export function decodeEvent(json: unknown, input: string): SecurityHubEvent[] {
  if (isRecord(json) && looksLikeEvent(json)) return [checkEnvelope(json, input)];
  const got =
    json === null
      ? 'null'
      : Array.isArray(json)
        ? 'an array'
        : isRecord(json)
          ? 'an object without detail-type, source or detail'
          : typeof json;
  throw new InvalidEventError(input, '', `expected an EventBridge event from aws.securityhub, got ${got} (other shapes are for replay)`);
}
