/**
 * SQS batches for the handler-level fault suites, and a small model of SQS redrive: a message
 * that comes back in `batchItemFailures` is received again, up to `maxReceiveCount` times, then
 * moved to the dead-letter queue (as the CDK construct configures the queue).
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sqsRecord } from '../support/sqs.js';

export interface Message {
  readonly messageId: string;
  readonly body: string;
  receiveCount: number;
}

export function sqsEvent(messages: readonly Message[]): SQSEvent {
  return { Records: messages.map((m) => sqsRecord(m.messageId, m.body, m.receiveCount)) };
}

export type Handler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

export interface RedriveResult {
  /** Message ids moved to the dead-letter queue, in order. */
  readonly deadLettered: string[];
  /** How many times the handler was invoked. */
  readonly invocations: number;
}

/**
 * Feeds `messages` to `handler` as SQS would: each invocation gets the messages still in flight;
 * those reported in `batchItemFailures` come back until received `maxReceiveCount` times, then go
 * to the DLQ. A handler that throws fails the whole batch (every message comes back).
 */
export async function runWithRedrive(handler: Handler, messages: readonly Message[], maxReceiveCount: number): Promise<RedriveResult> {
  let queue = messages.map((m) => ({ ...m, receiveCount: 0 }));
  const deadLettered: string[] = [];
  let invocations = 0;
  while (queue.length > 0) {
    for (const message of queue) message.receiveCount += 1;
    invocations += 1;
    let failed: Set<string>;
    try {
      const response = await handler(sqsEvent(queue));
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      failed = new Set(queue.map((m) => m.messageId));
    }
    const back = queue.filter((m) => failed.has(m.messageId));
    for (const m of back.filter((m) => m.receiveCount >= maxReceiveCount)) deadLettered.push(m.messageId);
    queue = back.filter((m) => m.receiveCount < maxReceiveCount);
  }
  return { deadLettered, invocations };
}
