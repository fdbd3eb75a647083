/**
 * The window table: one partition per group (`pk = w#<sha256 of the group>`), holding
 *
 * - the window (`sk = window`): `dueAt` (epoch ms the next flush is scheduled for), `quietUntil`
 *   (no flush before: the last flush + group interval), `flushingUntil` (a flusher's claim, lapsing
 *   at its invocation's deadline), `expiresAt` (TTL, epoch s);
 * - its pending findings (`sk = p#<Finding.key>#<UpdatedAt>`): the SQS body they came in, so the
 *   flush reads them through the same boundary as the ingest. Copies of one finding version share
 *   one item; a newer version is an item of its own, collapsed by the flush (newest wins).
 *
 * Every change of the window is a conditional write: exactly one flusher holds a window at a time.
 */
import { createHash } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { SEVERITIES, type Severity } from '../../core/finding/model.js';
import { getAll, type Item, writeAll } from './batch.js';

export interface WindowRow {
  readonly group: string;
  readonly dueAt?: number;
  readonly quietUntil?: number;
}

export interface PendingFinding {
  readonly group: string;
  readonly findingKey: string;
  readonly updatedAt: string;
  /** The finding's severity: how soon its group flushes again if it is left pending. */
  readonly severity: Severity;
  /** The SQS message body (the EventBridge event) the finding came in. */
  readonly body: string;
  /** The SQS message id. */
  readonly input: string;
}

export interface WindowTable {
  /** The windows of these groups; a group without one is absent. */
  windows(groups: readonly string[]): Promise<Map<string, WindowRow>>;
  putPending(findings: readonly PendingFinding[]): Promise<void>;
  /** Sets `dueAt` if it still is `expected` (absent: none); `false` when another writer came first. */
  setDue(group: string, dueAt: number, expected: number | undefined): Promise<boolean>;
  /**
   * Claims the window for a flush until `deadline` if its `dueAt` is `due` (or older than
   * `overdueBefore`) and no live claim holds it. `busy`: another flusher holds it (try again
   * later); `stale`: the message is for a flush that was superseded or done.
   */
  claim(group: string, due: number, overdueBefore: number, now: number, deadline: number): Promise<WindowRow | 'busy' | 'stale'>;
  /** Gives back a claim without flushing (the window stays scheduled). */
  release(group: string, deadline: number): Promise<void>;
  pending(group: string): Promise<PendingFinding[]>;
  deletePending(findings: readonly PendingFinding[]): Promise<void>;
  /** Ends a claimed flush: no flush before `quietUntil`, nothing scheduled. */
  close(group: string, quietUntil: number, deadline: number): Promise<void>;
}

/** @example const windows = createWindowTable(new DynamoDBClient({}), 'notifier-windows'); */
export function createWindowTable(client: DynamoDBClient, tableName: string): WindowTable {
  const key = (group: string, sk: string): Item => ({ pk: { S: pkOf(group) }, sk: { S: sk } });
  const pendingKey = (p: PendingFinding) => key(p.group, `p#${p.findingKey}#${p.updatedAt}`);
  const n = (value: number) => ({ N: String(value) });

  async function conditional(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  return {
    async windows(groups) {
      const items = await getAll(
        client,
        tableName,
        [...new Set(groups)].map((g) => key(g, 'window')),
      );
      return new Map(items.map((item) => [String(item.group?.S), windowOf(item)]));
    },

    async putPending(findings) {
      await writeAll(
        client,
        tableName,
        findings.map((p) => ({
          PutRequest: {
            Item: {
              ...pendingKey(p),
              group: { S: p.group },
              findingKey: { S: p.findingKey },
              updatedAt: { S: p.updatedAt },
              severity: { S: p.severity },
              body: { S: p.body },
              input: { S: p.input },
            },
          },
        })),
      );
    },

    setDue(group, dueAt, expected) {
      return conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: key(group, 'window'),
            UpdateExpression: 'SET dueAt = :due, #group = :group',
            ConditionExpression: expected === undefined ? 'attribute_not_exists(dueAt)' : 'dueAt = :expected',
            ExpressionAttributeNames: { '#group': 'group' },
            ExpressionAttributeValues: {
              ':due': n(dueAt),
              ':group': { S: group },
              ...(expected === undefined ? {} : { ':expected': n(expected) }),
            },
          }),
        ),
      );
    },

    async claim(group, due, overdueBefore, now, deadline) {
      let claimed: WindowRow | undefined;
      const won = await conditional(async () => {
        const out = await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: key(group, 'window'),
            UpdateExpression: 'SET flushingUntil = :deadline',
            ConditionExpression: '(dueAt = :due OR dueAt < :overdue) AND (attribute_not_exists(flushingUntil) OR flushingUntil < :now)',
            ExpressionAttributeValues: { ':deadline': n(deadline), ':due': n(due), ':overdue': n(overdueBefore), ':now': n(now) },
            ReturnValues: 'ALL_NEW',
          }),
        );
        claimed = out.Attributes ? windowOf(out.Attributes) : undefined;
      });
      if (won && claimed) return claimed;
      const out = await client.send(new GetItemCommand({ TableName: tableName, Key: key(group, 'window'), ConsistentRead: true }));
      const dueAt = Number(out.Item?.dueAt?.N);
      const scheduled = dueAt === due || dueAt < overdueBefore;
      return scheduled && Number(out.Item?.flushingUntil?.N) >= now ? 'busy' : 'stale';
    },

    async release(group, deadline) {
      await conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: key(group, 'window'),
            UpdateExpression: 'REMOVE flushingUntil',
            ConditionExpression: 'flushingUntil = :deadline',
            ExpressionAttributeValues: { ':deadline': n(deadline) },
          }),
        ),
      );
    },

    async pending(group) {
      const found: PendingFinding[] = [];
      let start: Item | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
            ExpressionAttributeValues: { ':pk': { S: pkOf(group) }, ':p': { S: 'p#' } },
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) {
          found.push({
            group,
            findingKey: String(item.findingKey?.S),
            updatedAt: String(item.updatedAt?.S),
            severity: severityOf(item.severity?.S),
            body: String(item.body?.S),
            input: String(item.input?.S),
          });
        }
        start = out.LastEvaluatedKey;
      } while (start);
      return found;
    },

    async deletePending(findings) {
      await writeAll(
        client,
        tableName,
        findings.map((p) => ({ DeleteRequest: { Key: pendingKey(p) } })),
      );
    },

    async close(group, quietUntil, deadline) {
      await conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: key(group, 'window'),
            UpdateExpression: 'SET quietUntil = :quiet, expiresAt = :expires REMOVE dueAt, flushingUntil',
            ConditionExpression: 'flushingUntil = :deadline',
            ExpressionAttributeValues: {
              ':quiet': n(quietUntil),
              ':expires': n(Math.ceil(quietUntil / 1000) + 86_400),
              ':deadline': n(deadline),
            },
          }),
        ),
      );
    },
  };
}

/** The partition key of a group: hashed, so any route name and group fields fit DynamoDB's key limit. */
function pkOf(group: string): string {
  return `w#${createHash('sha256').update(group).digest('hex')}`;
}

function windowOf(item: Item): WindowRow {
  const num = (name: string) => (item[name]?.N === undefined ? {} : { [name]: Number(item[name]?.N) });
  return { group: String(item.group?.S), ...num('dueAt'), ...num('quietUntil') };
}

/** A stored severity; anything unknown waits as long as MEDIUM. */
function severityOf(value: string | undefined): Severity {
  return SEVERITIES.find((s) => s === value) ?? 'MEDIUM';
}
