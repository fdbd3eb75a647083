/**
 * The last summary of each route, in the state table: `pk = summary#<route>`, its time (`at`) and
 * open total (`open`), for "new and resolved since the last summary" and the trend. Reading or
 * writing it never fails a summary: without it, the period is one schedule long and the trend derived.
 */
import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { Log } from '../../notifier/notifier-log.js';
import { describe } from '../findings/security-hub-findings.js';

export interface LastSummary {
  readonly at: Date;
  readonly open: number;
}

export interface SummaryState {
  get(route: string): Promise<LastSummary | undefined>;
  put(route: string, summary: LastSummary): Promise<void>;
}

/** Kept a year: a route whose summary stops leaves nothing behind for long. */
const KEEP_SECONDS = 366 * 86_400;

/** @example const state = createSummaryState(new DynamoDBClient({}), 'notifier-state', logger); */
export function createSummaryState(client: DynamoDBClient, tableName: string, log: Pick<Log, 'warn'>): SummaryState {
  const Key = (route: string) => ({ pk: { S: `summary#${route}` } });
  return {
    async get(route) {
      try {
        const out = await client.send(new GetItemCommand({ TableName: tableName, Key: Key(route), ConsistentRead: true }));
        const at = new Date(out.Item?.at?.S ?? '');
        const open = Number(out.Item?.open?.N);
        return Number.isNaN(at.getTime()) || !Number.isInteger(open) ? undefined : { at, open };
      } catch (error) {
        log.warn('last summary not read; counting one schedule period', { route, reason: describe(error) });
        return undefined;
      }
    },
    async put(route, summary) {
      const expiresAt = Math.floor(summary.at.getTime() / 1000) + KEEP_SECONDS;
      const Item = {
        ...Key(route),
        at: { S: summary.at.toISOString() },
        open: { N: String(summary.open) },
        expiresAt: { N: String(expiresAt) },
      };
      await client.send(new PutItemCommand({ TableName: tableName, Item })).catch((error: unknown) => {
        log.warn('last summary not written', { route, reason: describe(error) });
      });
    },
  };
}
