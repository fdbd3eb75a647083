/** Checks the EventBridge envelope of an event from Security Hub. */
import { InvalidEventError } from '../errors.js';
import { DETAIL_TYPES, EVENT_SOURCE, LEGACY_IMPORTED_DETAIL_TYPE, type SecurityHubEvent } from './event.js';
import { isRecord, jsonKind } from './finding-shape.js';

const REQUIRED = ['id', 'detail-type', 'source', 'account', 'region', 'time'] as const;

/** True when the object looks like an EventBridge event (it has `detail-type`, `source` or `detail`). */
export function looksLikeEvent(value: Record<string, unknown>): boolean {
  return 'detail-type' in value || 'source' in value || 'detail' in value;
}

/**
 * The checked envelope: `source` must be `aws.securityhub`; `id`, `detail-type`, `account`,
 * `region` and `time` must be strings and `detail` an object. The legacy detail-type
 * `Security Hub Findings` is read as `Security Hub Findings - Imported`. The detail itself is
 * left to the readers. Throws `InvalidEventError` naming the field.
 */
export function checkEnvelope(value: Record<string, unknown>, input: string): SecurityHubEvent {
  for (const key of REQUIRED) {
    if (typeof value[key] !== 'string') {
      throw new InvalidEventError(input, key, `expected string, got ${value[key] === undefined ? 'nothing' : jsonKind(value[key])}`);
    }
  }
  if (value.source !== EVENT_SOURCE) {
    throw new InvalidEventError(input, 'source', `expected ${JSON.stringify(EVENT_SOURCE)}, got ${JSON.stringify(value.source)}`);
  }
  if (!isRecord(value.detail)) {
    throw new InvalidEventError(input, 'detail', `expected object, got ${value.detail === undefined ? 'nothing' : jsonKind(value.detail)}`);
  }
  const detailType = String(value['detail-type']);
  const resources = Array.isArray(value.resources) ? value.resources.filter((r): r is string => typeof r === 'string') : [];
  return {
    id: String(value.id),
    detailType: detailType === LEGACY_IMPORTED_DETAIL_TYPE ? DETAIL_TYPES.imported : detailType,
    source: EVENT_SOURCE,
    account: String(value.account),
    region: String(value.region),
    time: String(value.time),
    detail: value.detail,
    resources,
  };
}
