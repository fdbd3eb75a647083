/**
 * The Lambda entry point. Wiring happens once per cold start; a configuration error fails the
 * start with one line naming the setting. An SQS batch is one delivery window (dedup, grouping,
 * flood digests, pacing); one EventBridge event is a window of one.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, EventBridgeEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createLambdaStateStore } from './adapters/create-state-store.js';
import { createTransport } from './adapters/create-transport.js';
import { createLambdaDirectory } from './adapters/directory/create-directory.js';
import { CONFIG_VARIABLE, readLambdaConfig } from './adapters/lambda-config.js';
import { createNotifier, type Notifier, type WindowReport } from './adapters/notify-input.js';
import { METRICS_SERVICE, metricsDisabled, publishWindowMetrics } from './adapters/window-metrics.js';
import type { NotifierConfig } from './core/config.js';
import { ConfigError } from './core/errors.js';
import { createEventPipeline } from './core/pipeline.js';
import { ratePerSecond } from './core/policy/pacing.js';
import { renderer } from './core/render/prebuilt.js';

const logger = new Logger({ serviceName: METRICS_SERVICE });
// EMF on stdout, as Powertools Metrics wrote it (and turned off by the same variables).
const writeMetrics = metricsDisabled(process.env) ? () => undefined : (line: string) => process.stdout.write(line);
const config = readConfig();
// Starts during init; loads only the configured transport's SDK client (and DynamoDB's with a table).
const ready = wire(config);
ready.catch(() => undefined); // reported by the first invocation, which awaits it

function readConfig(): NotifierConfig {
  try {
    return readLambdaConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) logger.error(`configuration error: ${error.message}`, { setting: error.setting });
    throw error;
  }
}

async function wire(config: NotifierConfig): Promise<Notifier> {
  const [transport, store, directory] = await Promise.all([
    createTransport(config, CONFIG_VARIABLE),
    createLambdaStateStore(config, logger),
    createLambdaDirectory(config, logger),
  ]);
  return createNotifier({
    pipeline: createEventPipeline(config, renderer),
    transport,
    log: logger,
    ...(store ? { store, claimEvents: true } : {}),
    ...(directory ? { directory } : {}),
    perSecond: ratePerSecond(transport.name, config.policy.rate.perSecond),
    now: () => new Date(),
  });
}

type Event = SQSEvent | EventBridgeEvent<string, unknown>;

/**
 * SQS: returns the message ids that failed (unreadable, or carried by an email not delivered) so
 * only those come back; one bad record never blocks the others. EventBridge: throws on any failure.
 */
export async function handler(event: Event, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SQSBatchResponse | undefined> {
  const remaining = context ? () => context.getRemainingTimeInMillis() : undefined;
  if ('Records' in event) {
    const report = await run(
      event.Records.map((record) => ({ input: record.messageId, json: parse(record.body) })),
      remaining,
    );
    const failed = event.Records.filter((record) => report.failedInputs.has(record.messageId));
    return { batchItemFailures: failed.map((record) => ({ itemIdentifier: record.messageId })) };
  }
  const report = await run([{ input: event.id, json: event }], remaining);
  // Every failure `failedInputs` counts: unreadable, not delivered (or deferred), not rendered.
  const failure =
    report.reads.flatMap((read) => read.errors)[0] ??
    report.deliveries.find((d) => d.error)?.error ??
    report.output.renderFailures[0]?.error;
  if (failure) throw failure;
  return undefined;
}

async function run(records: { input: string; json: unknown }[], remaining: (() => number) | undefined): Promise<WindowReport> {
  const report = await (await ready).notify(records, remaining);
  publishWindowMetrics(writeMetrics, report.counts);
  return report;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    return error instanceof SyntaxError ? error : new SyntaxError(String(error));
  }
}
