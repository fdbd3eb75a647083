/**
 * dynalite (DynamoDB on loopback, in memory) started in-process on 127.0.0.1, port 0, and the
 * state table created with the same key schema the CDK construct uses:
 *
 *   partition key `pk` (S), no sort key, PAY_PER_REQUEST, TTL attribute `expiresAt` (N, epoch seconds).
 *
 * (dynalite has no UpdateTimeToLive; the stores ignore expired items themselves.)
 */

import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DUMMY_CREDENTIALS, LOCAL_REGION } from '../../support/stand-ins.js';

const require = createRequire(import.meta.url);
const dynalite: (options: { createTableMs?: number; deleteTableMs?: number }) => Server = require('dynalite');

export interface Dynalite {
  readonly endpoint: string;
  client(options?: { maxAttempts?: number }): DynamoDBClient;
  stop(): Promise<void>;
}

export async function startDynalite(): Promise<Dynalite> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    client: (options = {}) => localClient(endpoint, options.maxAttempts ?? 3),
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export function localClient(endpoint: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    maxAttempts,
    credentials: DUMMY_CREDENTIALS,
  });
}

/** Creates the state table exactly as the construct does (minus TTL, which dynalite lacks). */
export async function createStateTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
