/**
 * The account directory with a cache in the state table: `pk = account#<id>`, the account as JSON
 * in `info`, and `expiresAt` (the table's TTL attribute, epoch seconds). An account is looked up
 * again once its entry expires. The cache never fails a lookup: when the table cannot be read or
 * written, the source is asked (and the miss logged), and only fully read accounts are cached.
 * Entries are also remembered in memory until they expire, so a warm function reads the table
 * once per account and TTL, not once per invocation.
 */
import { BatchGetItemCommand, BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AccountInfo } from '../../core/accounts/directory.js';
import type { Log } from '../../notifier/notifier-log.js';
import { describe } from '../findings/security-hub-findings.js';
import type { DirectorySource } from './directory-source.js';

export interface CachedDirectoryOptions {
  readonly source: DirectorySource;
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly ttlHours: number;
  readonly now: () => Date;
  readonly log: Pick<Log, 'warn'>;
}

/** BatchGetItem reads at most 100 keys, BatchWriteItem writes at most 25 items (DynamoDB API reference). */
const GET_BATCH = 100;
const WRITE_BATCH = 25;

/**
 * @example
 * const directory = createCachedDirectory({ source, client, tableName, ttlHours: 24, now: () => new Date(), log: logger });
 */
export function createCachedDirectory(options: CachedDirectoryOptions): DirectorySource {
  const { client, tableName } = options;
  const memory = new Map<string, Entry>();
  return {
    async lookup(ids) {
      const now = Math.floor(options.now().getTime() / 1000);
      const live = (id: string) => {
        const entry = memory.get(id);
        return entry && entry.expiresAt > now ? entry.info : undefined;
      };
      const unique = [...new Set(ids)];
      for (const [id, entry] of await readCache(
        options,
        unique.filter((id) => !live(id)),
        now,
      ))
        memory.set(id, entry);
      const cached = new Map(
        unique.flatMap((id) => {
          const info = live(id);
          return info ? [[id, info] as const] : [];
        }),
      );
      const missing = unique.filter((id) => !cached.has(id));
      const fresh = missing.length > 0 ? await options.source.lookup(missing) : { accounts: new Map<string, AccountInfo>(), problems: [] };
      // An account some call failed for is not cached: the next lookup tries again.
      const complete = [...fresh.accounts.values()].filter((info) => !fresh.problems.some((p) => p.startsWith(`account ${info.id}:`)));
      const expiresAt = now + Math.round(options.ttlHours * 3600);
      for (const info of complete) memory.set(info.id, { info, expiresAt });
      for (let i = 0; i < complete.length; i += WRITE_BATCH) {
        const items = complete.slice(i, i + WRITE_BATCH).map((info) => ({
          PutRequest: { Item: { pk: { S: `account#${info.id}` }, info: { S: JSON.stringify(info) }, expiresAt: { N: String(expiresAt) } } },
        }));
        await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: items } })).catch((error: unknown) => {
          options.log.warn('account directory cache not written', { reason: describe(error) });
        });
      }
      return { accounts: new Map([...cached, ...fresh.accounts]), problems: fresh.problems };
    },
  };
}

/** A cached account and when its entry expires (epoch seconds). */
interface Entry {
  readonly info: AccountInfo;
  readonly expiresAt: number;
}

async function readCache(options: CachedDirectoryOptions, ids: readonly string[], now: number): Promise<Map<string, Entry>> {
  const found = new Map<string, Entry>();
  try {
    for (let i = 0; i < ids.length; i += GET_BATCH) {
      const Keys = ids.slice(i, i + GET_BATCH).map((id) => ({ pk: { S: `account#${id}` } }));
      const out = await options.client.send(new BatchGetItemCommand({ RequestItems: { [options.tableName]: { Keys } } }));
      for (const item of out.Responses?.[options.tableName] ?? []) {
        const info = parseInfo(item.info?.S);
        // TTL deletion is lazy (up to days later): an expired item is a miss.
        const expiresAt = Number(item.expiresAt?.N);
        if (info && expiresAt > now) found.set(info.id, { info, expiresAt });
      }
    }
  } catch (error) {
    options.log.warn('account directory cache not read; asking Organizations', { reason: describe(error) });
  }
  return found;
}

/** A cached account, or `undefined` when the item is not one this code wrote. */
function parseInfo(json: string | undefined): AccountInfo | undefined {
  try {
    const value = JSON.parse(json ?? '') as Partial<AccountInfo>;
    if (typeof value.id !== 'string' || typeof value.tags !== 'object' || value.tags === null) return undefined;
    return {
      id: value.id,
      tags: Object.fromEntries(Object.entries(value.tags).filter(([, v]) => typeof v === 'string')),
      ...(typeof value.name === 'string' ? { name: value.name } : {}),
      ...(typeof value.securityContact === 'string' ? { securityContact: value.securityContact } : {}),
    };
  } catch {
    return undefined;
  }
}
