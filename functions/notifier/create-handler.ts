/**
 * The Lambda handler as a factory of its dependencies (clock, sleep, clients), so that the Lambda
 * (`functions/handler.ts`, wired once per cold start) and `npm run simulate` run the same code.
 *
 * With a window table and a flush queue (the deployed construct sets both) it runs two stages:
 * buffer records are INGESTED (findings put pending in their group's window, a flush scheduled),
 * flush records FLUSH one window each. Custom Action selections and insight results were asked for
 * by a person: they are mailed at once, as one batch of their own. Without windows, an SQS batch
 * is one batch planned together (replay-like), as before.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { DirectorySource } from '../adapters/directory/directory-source.js';
import type { Transport } from '../adapters/transport.js';
import type { NotifierConfig } from '../core/config.js';
import { InvalidEventError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline/pipeline.js';
import { ratePerSecond } from '../core/policy/pacing.js';
import type { StateStore } from '../core/policy/state.js';
import type { Delivery } from './deliver-emails.js';
import { addCounts, type NotifierCounts, publishMetrics } from './metrics.js';
import { createNotifierLog, type Log } from './notifier-log.js';
import { createNotifier } from './notify-batch.js';
import { type FlushScheduler, readFlushMessage } from './windows/flush-message.js';
import type { WindowStages } from './windows/window-stages.js';

export interface HandlerDeps {
  readonly config: NotifierConfig;
  readonly pipeline: Pipeline;
  readonly transport: Transport;
  readonly log: Log;
  /** The dedup state (wrapped in `withFallback`); required with `windows`. */
  readonly store?: StateStore;
  /** Account names, tags and owners; none: findings keep what they carry, routes send to their own recipients. */
  readonly directory?: DirectorySource;
  /** The windows' DynamoDB client and flush queue (`config.windowTable`, `config.flushQueueUrl`). */
  readonly windows?: { readonly dynamo: DynamoDBClient; readonly flushes: FlushScheduler };
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** Where the EMF metrics line of each invocation goes (stdout in the Lambda). */
  readonly writeMetrics: (line: string) => void;
  readonly onDelivery?: (delivery: Delivery) => void;
}

type Event = SQSEvent | EventBridgeEvent<string, unknown>;
/** The part of the Lambda context the handler reads. */
export interface InvocationContext {
  getRemainingTimeInMillis(): number;
}
export type NotifierHandler = ((event: Event, context?: InvocationContext) => Promise<SQSBatchResponse | undefined>) & {
  /** Settles when the lazily loaded parts (the window stages) are wired. */
  readonly ready: Promise<unknown>;
};

/** The time an invocation without a Lambda context may take: Lambda's longest timeout, 900 s. */
const NO_CONTEXT_MS = 900_000;

/**
 * SQS: returns the message ids that failed (unreadable, an email not delivered, a busy window) so
 * only those come back; one bad record never blocks the others. EventBridge: throws on any failure.
 *
 * @example
 * export const handler = createHandler({ config, pipeline, transport, log: logger, store, now: () => new Date(), sleep, writeMetrics });
 */
export function createHandler(deps: HandlerDeps): NotifierHandler {
  const { config, pipeline, store } = deps;
  const perSecond = ratePerSecond(deps.transport.name, config.policy.rate.perSecond);
  const log = createNotifierLog(deps.log, deps.transport.name);
  const loading = deps.windows && loadWindows(deps, deps.windows, log);
  // Reported by the first invocation, which awaits it.
  loading?.catch(() => undefined);
  const notifier = createNotifier({
    pipeline,
    transport: deps.transport,
    log: deps.log,
    ...(store ? { store, claimEvents: true } : {}),
    ...(deps.directory ? { directory: deps.directory } : {}),
    perSecond,
    now: deps.now,
    sleep: deps.sleep,
    ...(loading ? { reserve: async (destination, deadline) => (await loading).reserve(destination, deadline) } : {}),
    ...(deps.onDelivery ? { onDelivery: deps.onDelivery } : {}),
  });

  const handler = async (event: Event, lambda?: InvocationContext): Promise<SQSBatchResponse | undefined> => {
    const started = deps.now().getTime();
    const remaining = lambda ? () => lambda.getRemainingTimeInMillis() : () => NO_CONTEXT_MS - (deps.now().getTime() - started);
    if (!('Records' in event)) {
      const report = await notifier.notify([{ input: event.id, json: event }], remaining);
      deps.writeMetrics(metricsLine(report.counts));
      const failure =
        report.reads.flatMap((read) => read.errors)[0] ??
        report.deliveries.find((d) => d.error)?.error ??
        report.output.renderFailures[0]?.error;
      if (failure) throw failure;
      return undefined;
    }
    const records = event.Records.map((record) => ({ record, json: parse(record.body) }));
    const windows = await loading;
    if (!windows) {
      const report = await notifier.notify(
        records.map(({ record, json }) => ({ input: record.messageId, json })),
        remaining,
      );
      deps.writeMetrics(metricsLine(report.counts));
      return failures(event.Records, report.failedInputs);
    }
    const failed = new Set<string>();
    const counts: NotifierCounts[] = [];
    const deadline = started + remaining();
    const flushes = records.flatMap(({ record, json }) => {
      const message = readFlushMessage(json);
      return message ? [{ record, message }] : [];
    });
    const events = records.filter(({ record }) => !flushes.some((f) => f.record === record));
    await Promise.all([
      runIngest({ windows, pipeline, log, notifier }, events, { failed, counts, remaining }),
      ...flushes.map(async ({ record, message }) => {
        try {
          const result = await windows.flush(message, deadline);
          if (result.outcome === 'busy') failed.add(record.messageId);
          if (result.outcome === 'flushed') counts.push(result.counts);
        } catch (error) {
          log.unexpected(error);
          failed.add(record.messageId);
        }
      }),
    ]);
    deps.writeMetrics(metricsLine(addCounts(counts)));
    return failures(event.Records, failed);
  };
  return Object.assign(handler, { ready: loading ?? Promise.resolve() });
}

/** Buffer records: a person's selections and insights are mailed now, findings go pending. */
async function runIngest(
  stage: {
    windows: WindowStages;
    pipeline: Pipeline;
    log: ReturnType<typeof createNotifierLog>;
    notifier: ReturnType<typeof createNotifier>;
  },
  events: readonly { record: SQSRecord; json: unknown }[],
  out: { failed: Set<string>; counts: NotifierCounts[]; remaining: () => number },
): Promise<void> {
  const { windows, pipeline, log, notifier } = stage;
  const reads = events.map(({ record, json }) =>
    json instanceof SyntaxError
      ? {
          input: record.messageId,
          findings: [],
          insights: [],
          errors: [new InvalidEventError(record.messageId, '', `body is not JSON (${json.message})`)],
        }
      : pipeline.read(json, record.messageId),
  );
  const asked = new Set(reads.filter((r) => r.insights.length > 0 || r.findings.some((f) => f.trigger.action)).map((r) => r.input));
  const direct = events.filter(({ record }) => asked.has(record.messageId));
  if (direct.length > 0) {
    const report = await notifier.notify(
      direct.map(({ record, json }) => ({ input: record.messageId, json })),
      out.remaining,
    );
    for (const input of report.failedInputs) out.failed.add(input);
    out.counts.push(report.counts);
  }
  const windowed = reads.filter((r) => !asked.has(r.input));
  for (const read of windowed) {
    for (const error of read.errors) log.invalid(error, undefined);
    if (read.errors.length > 0) out.failed.add(read.input);
  }
  const bodies = new Map(events.map(({ record }) => [record.messageId, record.body]));
  try {
    out.counts.push(await windows.ingest(windowed.map((read) => ({ read, body: bodies.get(read.input) ?? '' }))));
  } catch (error) {
    log.unexpected(error);
    for (const read of windowed) out.failed.add(read.input);
  }
}

/** Loads and wires the window stages (and with them DynamoDB's SDK) only when the windows are configured. */
async function loadWindows(
  deps: HandlerDeps,
  windows: NonNullable<HandlerDeps['windows']>,
  log: ReturnType<typeof createNotifierLog>,
): Promise<WindowStages> {
  const { createWindowStages } = await import('./windows/window-stages.js');
  return createWindowStages({
    config: deps.config,
    pipeline: deps.pipeline,
    transport: deps.transport,
    store: deps.store,
    dynamo: windows.dynamo,
    flushes: windows.flushes,
    log,
    ...(deps.directory ? { directory: deps.directory } : {}),
    accountsLog: deps.log,
    now: deps.now,
    sleep: deps.sleep,
    ...(deps.onDelivery ? { onDelivery: deps.onDelivery } : {}),
  });
}

function metricsLine(counts: NotifierCounts): string {
  let line = '';
  publishMetrics((text) => {
    line = text;
  }, counts);
  return line;
}

function failures(records: readonly SQSRecord[], failed: ReadonlySet<string>): SQSBatchResponse {
  return { batchItemFailures: records.filter((r) => failed.has(r.messageId)).map((r) => ({ itemIdentifier: r.messageId })) };
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    return error instanceof SyntaxError ? error : new SyntaxError(String(error));
  }
}
