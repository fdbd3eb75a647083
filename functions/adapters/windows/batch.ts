/**
 * DynamoDB batch calls that finish their work: `BatchWriteItem` (25 requests a call) and
 * `BatchGetItem` (100 keys a call) retried with back-off until nothing is left unprocessed
 * (AWS DynamoDB API reference, BatchWriteItem and BatchGetItem: "UnprocessedItems" / "UnprocessedKeys").
 */
import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;

const RETRIES = 6;

/**
 * Writes every request to `table`, 25 a call.
 *
 * @example
 * await writeAll(client, 'windows', items.map((Item) => ({ PutRequest: { Item } })));
 */
export async function writeAll(client: DynamoDBClient, table: string, writes: readonly WriteRequest[]): Promise<void> {
  for (let i = 0; i < writes.length; i += 25) {
    let left: WriteRequest[] | undefined = writes.slice(i, i + 25);
    for (let round = 0; left?.length; round++) {
      if (round > RETRIES) throw new Error(`table ${table}: writes still unprocessed after ${RETRIES} retries`);
      if (round > 0) await backOff(round);
      const request: WriteRequest[] = left;
      const out: BatchWriteItemCommandOutput = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: request } }));
      left = out.UnprocessedItems?.[table];
    }
  }
}

/**
 * Reads the items with these keys from `table` (strongly consistent), 100 a call.
 *
 * @example
 * const items = await getAll(client, 'windows', [{ pk: { S: 'w#...' }, sk: { S: 'window' } }]);
 */
export async function getAll(client: DynamoDBClient, table: string, keys: readonly Item[]): Promise<Item[]> {
  const found: Item[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let left: Item[] | undefined = keys.slice(i, i + 100);
    for (let round = 0; left?.length; round++) {
      if (round > RETRIES) throw new Error(`table ${table}: keys still unprocessed after ${RETRIES} retries`);
      if (round > 0) await backOff(round);
      const request: Item[] = left;
      const out: BatchGetItemCommandOutput = await client.send(
        new BatchGetItemCommand({ RequestItems: { [table]: { Keys: request, ConsistentRead: true } } }),
      );
      found.push(...(out.Responses?.[table] ?? []));
      left = out.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}

function backOff(round: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
}
