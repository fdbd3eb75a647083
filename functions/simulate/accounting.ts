/**
 * The simulation's books: every finding of the inputs ends in an email, a counted skip, or a
 * dead-letter queue (the buffer's, or the flush queue's with the finding still pending); anything
 * else is `lost`. Plus the send-rate peak and DynamoDB's requests per finding.
 */
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { Pipeline } from '../core/pipeline/pipeline.js';
import { readFlushMessage } from '../notifier/windows/flush-message.js';
import type { DynamoStats, SentEmail } from './instrument.js';
import type { SimulationResult } from './simulation.js';

export interface Books {
  readonly inputs: readonly string[];
  readonly pipeline: Pipeline;
  readonly start: number;
  readonly sent: readonly SentEmail[];
  readonly skipped: SimulationResult['skipped'];
  readonly stats: DynamoStats;
  readonly invocations: number;
  readonly bufferDead: readonly string[];
  readonly flushDead: readonly string[];
  /** Pending findings left in the window table: group and finding id. */
  readonly pending: readonly { group: string; findingId: string }[];
}

/** The result, without the event source and the stand-in's deliveries. */
export function account(books: Books): Omit<SimulationResult, 'eventSource' | 'delivered' | 'crashed'> {
  const ids = (body: string, input: string) => books.pipeline.read(parse(body), input).findings.map((f) => f.finding.id);
  const findings = new Set(books.inputs.flatMap((body, i) => ids(body, `input-${i}`)));
  const emails = books.sent.map((e) => ({
    subject: e.subject,
    destination: e.destination,
    sentAtSeconds: (e.sentAt - books.start) / 1000,
    findingIds: [...e.findingIds],
  }));
  const deadGroups = new Set(books.flushDead.flatMap((body) => readFlushMessage(parse(body))?.group ?? []));
  const deadLettered = [
    ...books.bufferDead.flatMap((body, i) => ids(body, `dead-${i}`).map((findingId) => ({ findingId, queue: 'buffer' as const }))),
    ...books.pending.filter((p) => deadGroups.has(p.group)).map((p) => ({ findingId: p.findingId, queue: 'flush' as const })),
  ];
  const accounted = new Set([
    ...emails.flatMap((e) => e.findingIds),
    ...books.skipped.map((s) => s.findingId),
    ...deadLettered.map((d) => d.findingId),
  ]);
  return {
    findings: findings.size,
    invocations: books.invocations,
    emails,
    skipped: [...books.skipped],
    deadLettered,
    lost: [...findings].filter((id) => !accounted.has(id)),
    maxSendsPerSecond: peakPerSecond(books.sent.map((e) => e.sentAt)),
    dynamodbRequestsPerFinding: findings.size === 0 ? 0 : books.stats.requests / findings.size,
    dynamodbUnits: { read: books.stats.readUnits, write: books.stats.writeUnits },
  };
}

/**
 * The most sends in any one-second span `[t, t + 1000)`.
 *
 * @example peakPerSecond([0, 100, 999, 1000]) // 3
 */
export function peakPerSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) >= 1000) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

/** Every pending finding left in the window table (a scan: the simulation's tables are small). */
export async function pendingFindings(
  client: DynamoDBClient,
  table: string,
  pipeline: Pipeline,
): Promise<{ group: string; findingId: string }[]> {
  const found: { group: string; findingId: string }[] = [];
  let start: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of out.Items ?? []) {
      if (!item.sk?.S?.startsWith('p#')) continue;
      const key = item.findingKey?.S;
      const finding = pipeline.read(parse(item.body?.S ?? ''), 'pending').findings.find((f) => f.finding.key === key);
      found.push({ group: String(item.group?.S), findingId: finding?.finding.id ?? String(key) });
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
