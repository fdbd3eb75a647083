/**
 * SQS and Lambda's SQS event source, modelled on the simulated clock after the AWS Lambda Developer
 * Guide, "Using Lambda with Amazon SQS" (checked December 2026):
 * - 5 pollers, each receiving at most 10 messages a call;
 * - a batch closes at the batch size, at the batching window, or at 6 MB of payload;
 * - at most `maxConcurrency` invocations at once; other closed batches wait with their poller;
 * - a message is invisible for the visibility timeout after each receive; a failed record (or every
 *   record of a crashed invocation) is received again after it;
 * - a message received more than `maxReceiveCount` times moves to the dead-letter queue
 *   (Amazon SQS Developer Guide, "Using dead-letter queues").
 * Messages may be delayed (`DelaySeconds`, at most 900 s).
 */
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { VirtualClock } from './virtual-clock.js';

/** The parameters of one event source mapping and its queue, as the construct synthesizes them. */
export interface EventSourceParams {
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly maxConcurrency: number;
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
}

export interface SimMessage {
  readonly id: string;
  readonly body: string;
  visibleAt: number;
  receiveCount: number;
}

const POLLERS = 5;
const PER_RECEIVE = 10;
const MAX_BATCH_BYTES = 6 * 1024 * 1024;

/** Runs one batch through the function; resolves with its response, rejects when it crashed or timed out. */
export type Invoke = (records: SQSRecord[]) => Promise<SQSBatchResponse | undefined>;

export interface SimQueue {
  readonly name: string;
  send(body: string, delaySeconds?: number): void;
  /** Messages not yet deleted or dead-lettered. */
  readonly messages: SimMessage[];
  readonly deadLetters: SimMessage[];
}

/**
 * A queue with its event source mapping; invocations start on the clock as batches close.
 *
 * @example
 * const buffer = createEventSource(clock, 'buffer', params, (records) => handler({ Records: records }, context));
 * buffer.send(JSON.stringify(event));
 */
export function createEventSource(
  clock: VirtualClock,
  name: string,
  params: EventSourceParams,
  invoke: Invoke,
): SimQueue & { readonly invocations: () => number } {
  const messages: SimMessage[] = [];
  const deadLetters: SimMessage[] = [];
  const pollers: { batch: SimMessage[]; openedAt: number; bytes: number }[] = Array.from({ length: POLLERS }, () => ({
    batch: [],
    openedAt: 0,
    bytes: 0,
  }));
  let running = 0;
  let invocations = 0;
  let ids = 0;
  let wakeAt = Number.POSITIVE_INFINITY;

  function receive(max: number): SimMessage[] {
    const got: SimMessage[] = [];
    for (const message of messages) {
      if (got.length >= max) break;
      if (message.visibleAt > clock.now()) continue;
      message.receiveCount++;
      if (message.receiveCount > params.maxReceiveCount) {
        messages.splice(messages.indexOf(message), 1);
        deadLetters.push(message);
        return [...got, ...receive(max - got.length)];
      }
      message.visibleAt = clock.now() + params.visibilityTimeoutSeconds * 1000;
      got.push(message);
    }
    return got;
  }

  function pump(): void {
    const now = clock.now();
    const window = params.maxBatchingWindowSeconds * 1000;
    for (const poller of pollers) {
      const full = () => poller.batch.length >= params.batchSize || poller.bytes >= MAX_BATCH_BYTES;
      if (!full()) {
        const got = receive(Math.min(PER_RECEIVE, params.batchSize - poller.batch.length));
        if (got.length > 0 && poller.batch.length === 0) poller.openedAt = now;
        poller.batch.push(...got);
        poller.bytes += got.reduce((sum, m) => sum + Buffer.byteLength(m.body), 0);
      }
      const closed = poller.batch.length > 0 && (full() || now - poller.openedAt >= window);
      if (closed && running < params.maxConcurrency) {
        const batch = poller.batch;
        poller.batch = [];
        poller.bytes = 0;
        start(batch);
      }
    }
    // Wake when a gathering batch's window ends or a message becomes visible; a closed batch waiting
    // for concurrency starts when an invocation finishes.
    const next = Math.min(
      ...pollers.map((p) => p.openedAt + window).filter((end, i) => (pollers[i]?.batch.length ?? 0) > 0 && end > now),
      ...messages.filter((m) => m.visibleAt > now).map((m) => m.visibleAt),
    );
    if (Number.isFinite(next) && next < wakeAt) {
      wakeAt = next;
      clock.at(next, () => {
        if (wakeAt === next) wakeAt = Number.POSITIVE_INFINITY;
        pump();
      });
    }
  }

  function start(batch: SimMessage[]): void {
    running++;
    invocations++;
    const records = batch.map((m) => record(name, m));
    invoke(records).then(
      (response) => finish(batch, new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier))),
      () => finish(batch, new Set(batch.map((m) => m.id))),
    );
  }

  /** Deletes what succeeded; the rest reappears when its visibility timeout ends. */
  function finish(batch: readonly SimMessage[], failed: ReadonlySet<string>): void {
    running--;
    for (const message of batch) {
      if (!failed.has(message.id)) messages.splice(messages.indexOf(message), 1);
    }
    pump();
  }

  return {
    name,
    messages,
    deadLetters,
    invocations: () => invocations,
    send(body, delaySeconds = 0) {
      messages.push({ id: `${name}-${++ids}`, body, visibleAt: clock.now() + Math.min(900, delaySeconds) * 1000, receiveCount: 0 });
      clock.at(clock.now(), pump);
    },
  };
}

function record(queue: string, message: SimMessage): SQSRecord {
  return {
    messageId: message.id,
    receiptHandle: `${message.id}-${message.receiveCount}`,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: '0',
      SenderId: 'simulator',
      ApproximateFirstReceiveTimestamp: '0',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:123456789012:${queue}`,
    awsRegion: 'us-east-1',
  };
}
