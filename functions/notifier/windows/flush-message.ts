/**
 * The delayed flush messages: one SQS message per scheduled flush of a group, on the flush queue the
 * same function consumes. The message carries the `dueAt` it was scheduled for; a flush whose window
 * was rescheduled since finds another `dueAt` and does nothing (a stale message is harmless).
 */

/** What one flush message says. */
export interface FlushMessage {
  readonly group: string;
  /** Epoch ms the window's flush was scheduled for. */
  readonly dueAt: number;
}

/** Sends flush messages; the SQS one in the Lambda, the simulator's queue in `npm run simulate`. */
export interface FlushScheduler {
  schedule(message: FlushMessage, delaySeconds: number): Promise<void>;
}

/**
 * SQS delays a message by at most 900 seconds (Amazon SQS Developer Guide, "Amazon SQS delay
 * queues"; SendMessage `DelaySeconds`: 0 to 900). A later flush is reached in hops: a message that
 * arrives before its `dueAt` is sent again with the time left.
 */
export const MAX_DELAY_SECONDS = 900;

/**
 * The delay to give a flush message due at `dueAt`, in whole seconds (rounded up), 0 to 900.
 *
 * @example delaySeconds(31_500, 1_000) // 31
 */
export function delaySeconds(dueAt: number, nowMs: number): number {
  return Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((dueAt - nowMs) / 1000)));
}

/**
 * The body of a flush message.
 *
 * @example flushBody({ group: 'default\u0000111122223333\u0000HIGH', dueAt: 1 }) // '{"flush":{"group":"...","dueAt":1}}'
 */
export function flushBody(message: FlushMessage): string {
  return JSON.stringify({ flush: { group: message.group, dueAt: message.dueAt } });
}

/**
 * The flush message in a parsed SQS body, or `undefined` when the body is anything else (an event).
 *
 * @example readFlushMessage({ flush: { group: 'g', dueAt: 5 } }) // { group: 'g', dueAt: 5 }
 */
export function readFlushMessage(json: unknown): FlushMessage | undefined {
  if (typeof json !== 'object' || json === null || !('flush' in json)) return undefined;
  const flush = (json as { flush: unknown }).flush;
  if (typeof flush !== 'object' || flush === null) return undefined;
  const { group, dueAt } = flush as Record<string, unknown>;
  return typeof group === 'string' && typeof dueAt === 'number' && Number.isFinite(dueAt) ? { group, dueAt } : undefined;
}
