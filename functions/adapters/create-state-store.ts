/** The Lambda's dedup state store: the DynamoDB table `config.stateTable`, wrapped to send anyway when unreachable. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { NotifierConfig } from '../core/config.js';
import type { StateStore } from '../core/policy/state.js';
import { createDynamoStateStore, withFallback } from './state/index.js';
import type { Log } from './window-log.js';

/** Few attempts and short timeouts: an unreachable table must not hold up the alerts. */
export const STATE_CLIENT_OPTIONS = { maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: 2000 } } as const;

/**
 * The store, or `undefined` without `stateTable` (then every finding looks new). Region and
 * endpoint come from the environment (`AWS_REGION`, `AWS_ENDPOINT_URL_DYNAMODB`).
 *
 * @example
 * const store = createLambdaStateStore(config, logger);
 */
export function createLambdaStateStore(config: NotifierConfig, log: Log, client?: DynamoDBClient): StateStore | undefined {
  if (!config.stateTable) return undefined;
  const store = createDynamoStateStore({ client: client ?? new DynamoDBClient(STATE_CLIENT_OPTIONS), tableName: config.stateTable });
  return withFallback(store, (error) =>
    log.warn('state store unreachable; sending anyway', { operation: error.operation, reason: error.message }),
  );
}
