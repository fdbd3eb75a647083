/**
 * The DynamoDB item layout of the state table. One table, one key:
 *
 * - partition key `pk` (S), no sort key; billing on demand; TTL attribute `expiresAt` (N, epoch seconds).
 * - a finding record: `pk = finding#<Finding.key>` (or `finding#sha256:<hex>` when the key would pass
 *   1024 bytes), with `key`, `severity`, `complianceStatus?`, `workflowStatus?`, `recordState`,
 *   `notifiedAt`, `firstNotifiedAt`, `findingUpdatedAt?`, `expiresAt`.
 * - an event claim: `pk = event#<event id>`, with `expiresAt`.
 */

import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { StoredState } from '../../core/policy/state.js';
import { readStoredState } from './stored-state-schema.js';

export type Item = Record<string, AttributeValue>;

const MAX_KEY_BYTES = 1024;

/**
 * The partition key of a finding record.
 *
 * @example
 * findingPk('arn:aws:securityhub:...:product/aws/securityhub/arn:aws:...') // 'finding#arn:aws:securityhub:...'
 */
export function findingPk(key: string): string {
  return partitionKey('finding', key);
}

/** The partition key of an event claim. */
export function eventPk(eventId: string): string {
  return partitionKey('event', eventId);
}

/** `<kind>#<id>`, or `<kind>#sha256:<hex of id>` when that would pass DynamoDB's 1024-byte key limit. */
function partitionKey(kind: 'finding' | 'event', id: string): string {
  const pk = `${kind}#${id}`;
  return Buffer.byteLength(pk) <= MAX_KEY_BYTES ? pk : `${kind}#sha256:${createHash('sha256').update(id).digest('hex')}`;
}

/** A record as a DynamoDB item. */
export function toItem(state: StoredState): Item {
  const s = (value: string | undefined): AttributeValue | undefined => (value === undefined ? undefined : { S: value });
  const attributes: Record<string, AttributeValue | undefined> = {
    pk: { S: findingPk(state.key) },
    key: { S: state.key },
    severity: { S: state.state.severity },
    complianceStatus: s(state.state.complianceStatus),
    workflowStatus: s(state.state.workflowStatus),
    recordState: { S: state.state.recordState },
    notifiedAt: { S: state.notifiedAt },
    firstNotifiedAt: { S: state.firstNotifiedAt },
    findingUpdatedAt: s(state.findingUpdatedAt),
    expiresAt: { N: String(state.expiresAt) },
  };
  return Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, AttributeValue] => entry[1] !== undefined));
}

/** A DynamoDB item as a record, or `undefined` when it is not a readable finding record. */
export function fromItem(item: Item): StoredState | undefined {
  const text = (name: string) => item[name]?.S;
  const optional = (name: string) => (text(name) === undefined ? {} : { [name]: text(name) });
  return readStoredState({
    key: text('key'),
    state: {
      severity: text('severity'),
      ...optional('complianceStatus'),
      ...optional('workflowStatus'),
      recordState: text('recordState'),
    },
    notifiedAt: text('notifiedAt'),
    firstNotifiedAt: text('firstNotifiedAt'),
    ...optional('findingUpdatedAt'),
    expiresAt: Number(item.expiresAt?.N),
  });
}
