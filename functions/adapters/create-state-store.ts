/** The Lambda's dedup state store: the DynamoDB table `config.stateTable`, wrapped to send anyway when unreachable. */
import type { NotifierConfig } from '../core/config.js';
import type { StateStore } from '../core/policy/state.js';
import type { Log } from '../notifier/notifier-log.js';

/** Few attempts and short timeouts: an unreachable table must not hold up the alerts. */
export const STATE_CLIENT_OPTIONS = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1000, requestTimeout: 2000, throwOnRequestTimeout: true },
} as const;

/**
 * The store, or `undefined` without `stateTable` (then every finding looks new). The DynamoDB
 * client is loaded only when a table is configured. Region and endpoint come from the environment
 * (`AWS_REGION`, `AWS_ENDPOINT_URL_DYNAMODB`).
 *
 * @example
 * const store = await createLambdaStateStore(config, logger);
 */
export async function createLambdaStateStore(config: NotifierConfig, log: Log): Promise<StateStore | undefined> {
  if (!config.stateTable) return undefined;
  const [{ DynamoDBClient, createDynamoStateStore }, { withFallback }] = await Promise.all([
    import('./state/dynamodb-store.js'),
    import('./state/fallback.js'),
  ]);
  const store = createDynamoStateStore({ client: new DynamoDBClient(STATE_CLIENT_OPTIONS), tableName: config.stateTable });
  return withFallback(store, (error) =>
    log.warn('state store unreachable; sending anyway', { operation: error.operation, reason: error.message }),
  );
}
