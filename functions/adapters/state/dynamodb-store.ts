/**
 * The DynamoDB state store used by the Lambda. Table layout: see `dynamodb-item.ts`.
 * Every failure to reach the table becomes a `StateStoreError`; the caller sends anyway and logs.
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { type StateStore, StateStoreError, type StoredState } from '../../core/policy/state.js';
import { eventPk, findingPk, fromItem, type Item, toItem } from './dynamodb-item.js';
import { eventTtlSeconds, type StoreOptions } from './memory-store.js';
import { isExpired } from './stored-state-schema.js';

// The client class, for create-state-store.ts: the SDK is loaded once, with `require`, in the bundle (see create-transport.ts).
export { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoStoreOptions extends StoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Rounds of retrying unprocessed batch items before giving up. Default 4. */
  readonly batchRetries?: number;
  /** First back-off in ms, doubled each round. Default 50. */
  readonly retryDelayMs?: number;
}

/**
 * Creates the DynamoDB store. Give the client short timeouts and few attempts, so that an
 * unreachable table fails fast instead of holding up the alerts.
 *
 * @example
 * const client = new DynamoDBClient({ maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: 2000 } });
 * const store = createDynamoStateStore({ client, tableName: process.env.STATE_TABLE_NAME });
 */
export function createDynamoStateStore(options: DynamoStoreOptions): StateStore {
  const { client, tableName } = options;
  const now = options.now ?? (() => new Date());
  const claimSeconds = eventTtlSeconds(options);
  const retries = options.batchRetries ?? 4;
  const delay = options.retryDelayMs ?? 50;

  async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (cause) {
      if (cause instanceof StateStoreError) throw cause;
      throw new StateStoreError(operation, `table ${tableName}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }

  /** Runs a batch request until nothing is left unprocessed, with back-off. */
  async function drain<T>(operation: string, pending: T, send: (request: T) => Promise<T | undefined>): Promise<void> {
    let left: T | undefined = pending;
    for (let round = 0; left !== undefined; round++) {
      if (round > retries) throw new StateStoreError(operation, `table ${tableName}: items still unprocessed after ${retries} retries`);
      if (round > 0) await sleep(delay * 2 ** (round - 1));
      const request: T = left;
      left = await call(operation, () => send(request));
    }
  }

  return {
    async getMany(keys) {
      const at = now();
      const found = new Map<string, StoredState>();
      const pks = [...new Set(keys.map(findingPk))];
      for (const chunk of chunks(pks, 100)) {
        const request: Item[] = chunk.map((pk) => ({ pk: { S: pk } }));
        await drain('getMany', request, async (Keys) => {
          const out = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys } } }));
          for (const item of out.Responses?.[tableName] ?? []) {
            const state = fromItem(item);
            if (state && !isExpired(state.expiresAt, at)) found.set(state.key, state);
          }
          const unprocessed = out.UnprocessedKeys?.[tableName]?.Keys;
          return unprocessed?.length ? unprocessed : undefined;
        });
      }
      return found;
    },

    async putMany(updates) {
      const latest = new Map(updates.map((update) => [findingPk(update.key), update]));
      for (const chunk of chunks([...latest.values()], 25)) {
        const request = chunk.map((update) => ({ PutRequest: { Item: toItem(update) } }));
        await drain('putMany', request, async (writes) => {
          const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: writes } }));
          const unprocessed = out.UnprocessedItems?.[tableName]?.flatMap((w) =>
            w.PutRequest?.Item ? [{ PutRequest: { Item: w.PutRequest.Item } }] : [],
          );
          return unprocessed?.length ? unprocessed : undefined;
        });
      }
    },

    async claimEvent(eventId, inProgressUntil) {
      const at = Math.floor(now().getTime() / 1000);
      const until = inProgressUntil ? Math.ceil(inProgressUntil.getTime() / 1000) : at + claimSeconds;
      return call('claimEvent', async () => {
        try {
          await client.send(
            new PutItemCommand({
              TableName: tableName,
              Item: { pk: { S: eventPk(eventId) }, expiresAt: { N: String(until) } },
              // A claim past its TTL that DynamoDB has not deleted yet counts as gone.
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
              ExpressionAttributeValues: { ':now': { N: String(at) } },
            }),
          );
          return false;
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) return true;
          throw error;
        }
      });
    },

    async completeEvent(eventId) {
      const until = Math.floor(now().getTime() / 1000) + claimSeconds;
      await call('completeEvent', () =>
        client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: eventPk(eventId) }, expiresAt: { N: String(until) } } })),
      );
    },

    async releaseEvent(eventId) {
      await call('releaseEvent', () => client.send(new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: eventPk(eventId) } } })));
    },
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
