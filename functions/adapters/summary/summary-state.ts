/**
 * The last summary of each audience (a route's recipients, or one account owner of it), in the
 * state table, for "new and resolved since the last summary" and the trend:
 *
 * - `pk = summary#<audience id>`: `at` (ISO), `open` (N), `expiresAt`, and with a key record
 *   `keyChunks` (N, how many chunk items);
 * - `pk = summary#<audience id>#keys#<n>`: `generation` (the head's `at`) and `keys` (B: the
 *   8-byte finding hashes, packed).
 *
 * An item is at most 400 KB, names and values together
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html), so the
 * hashes go into chunks of 256 KB (32,768 findings each). Chunks are written before the head, and
 * a chunk whose `generation` is not the head's (a crash between the writes) voids the key record:
 * new and resolved then come from timestamps once. Reading or writing never fails a summary.
 */
import { type AttributeValue, type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { FINDING_HASH_HEX, type LastSummary } from '../../core/summary/last-summary.js';
import type { Log } from '../../notifier/notifier-log.js';
import { describe } from '../findings/security-hub-findings.js';

export interface SummaryState {
  /** The audience's last summary; `undefined` when there is none or it cannot be read (logged). */
  get(id: string): Promise<LastSummary | undefined>;
  /** Keeps this summary for the audience's next one; a failure is logged, never thrown. */
  put(id: string, summary: LastSummary): Promise<void>;
}

/** Kept a year: an audience whose summary stops leaves nothing behind for long. */
export const KEEP_SECONDS = 366 * 86_400;
/** Hashes per chunk item: 256 KB of the 400 KB item limit. */
export const HASHES_PER_CHUNK = 32_768;

/** The hashes packed into bytes, `HASHES_PER_CHUNK` a chunk. */
export function packHashes(keys: ReadonlySet<string>): Buffer[] {
  const sorted = [...keys].sort();
  const chunks: Buffer[] = [];
  for (let i = 0; i < sorted.length; i += HASHES_PER_CHUNK) {
    chunks.push(Buffer.from(sorted.slice(i, i + HASHES_PER_CHUNK).join(''), 'hex'));
  }
  return chunks;
}

/** The hashes of packed chunks. */
export function unpackHashes(chunks: readonly Uint8Array[]): Set<string> {
  const keys = new Set<string>();
  for (const chunk of chunks) {
    const hex = Buffer.from(chunk).toString('hex');
    for (let i = 0; i + FINDING_HASH_HEX <= hex.length; i += FINDING_HASH_HEX) keys.add(hex.slice(i, i + FINDING_HASH_HEX));
  }
  return keys;
}

/** @example const state = createSummaryState(new DynamoDBClient({}), 'notifier-state', logger); */
export function createSummaryState(client: DynamoDBClient, tableName: string, log: Pick<Log, 'warn'>): SummaryState {
  const headKey = (id: string) => ({ pk: { S: `summary#${id}` } });
  const chunkKey = (id: string, n: number) => ({ pk: { S: `summary#${id}#keys#${n}` } });
  const read = async (Key: Record<string, AttributeValue>) =>
    (await client.send(new GetItemCommand({ TableName: tableName, Key, ConsistentRead: true }))).Item;

  return {
    async get(id) {
      try {
        const head = await read(headKey(id));
        const at = new Date(head?.at?.S ?? '');
        const open = Number(head?.open?.N);
        if (Number.isNaN(at.getTime()) || !Number.isInteger(open)) return undefined;
        const count = Number(head?.keyChunks?.N ?? Number.NaN);
        if (!Number.isInteger(count)) return { at, open };
        const chunks: Uint8Array[] = [];
        for (let n = 0; n < count; n++) {
          const chunk = await read(chunkKey(id, n));
          if (chunk?.generation?.S !== head?.at?.S || !chunk?.keys?.B) {
            log.warn('last summary key record incomplete; counting new and resolved from timestamps', { audience: id, chunk: n });
            return { at, open };
          }
          chunks.push(chunk.keys.B);
        }
        return { at, open, keys: unpackHashes(chunks) };
      } catch (error) {
        log.warn('last summary not read; counting one schedule period', { audience: id, reason: describe(error) });
        return undefined;
      }
    },

    async put(id, summary) {
      const at = { S: summary.at.toISOString() };
      const expiresAt = { N: String(Math.floor(summary.at.getTime() / 1000) + KEEP_SECONDS) };
      const write = (Item: Record<string, AttributeValue>) => client.send(new PutItemCommand({ TableName: tableName, Item }));
      try {
        const chunks = summary.keys ? packHashes(summary.keys) : undefined;
        for (const [n, keys] of (chunks ?? []).entries()) await write({ ...chunkKey(id, n), generation: at, keys: { B: keys }, expiresAt });
        await write({
          ...headKey(id),
          at,
          open: { N: String(summary.open) },
          expiresAt,
          ...(chunks ? { keyChunks: { N: String(chunks.length) } } : {}),
        });
      } catch (error) {
        log.warn('last summary not written', { audience: id, reason: describe(error) });
      }
    },
  };
}
