/**
 * The Lambda entry point: wires `createHandler` once per cold start (configuration, clients, the
 * real clock); a configuration error fails the start with one line naming the setting. Deployed,
 * buffer records are ingested into shared delivery windows and flush records flush them (see
 * docs/windows.md); one EventBridge event is a window of one.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, EventBridgeEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createLambdaStateStore, STATE_CLIENT_OPTIONS } from './adapters/create-state-store.js';
import { createTransport, SDK_CLIENT_OPTIONS } from './adapters/create-transport.js';
import { createLambdaDirectory } from './adapters/directory/create-directory.js';
import { readLambdaConfig } from './adapters/lambda-config.js';
import type { NotifierConfig, SendingConfig } from './core/config.js';
import { ConfigError } from './core/errors.js';
import { createEventPipeline } from './core/pipeline/pipeline.js';
import { alertRenderer } from './core/render/prebuilt-alert.js';
import { createHandler, type HandlerDeps, type NotifierHandler } from './notifier/create-handler.js';
import { METRICS_SERVICE, metricsDisabled } from './notifier/metrics.js';

const logger = new Logger({ serviceName: METRICS_SERVICE });
// EMF on stdout, as Powertools Metrics wrote it (and turned off by the same variables).
const writeMetrics = metricsDisabled(process.env) ? () => undefined : (line: string) => process.stdout.write(line);
const config = readConfig();
// Starts during init; loads only the configured transport's SDK client (and DynamoDB's and SQS's with windows).
const ready = wire(config);
ready.catch(() => undefined); // reported by the first invocation, which awaits it

function readConfig(): SendingConfig {
  try {
    return readLambdaConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) logger.error(`configuration error: ${error.message}`, { setting: error.setting });
    throw error;
  }
}

async function wire(config: SendingConfig): Promise<NotifierHandler> {
  const [transport, store, directory, windows] = await Promise.all([
    createTransport(config),
    createLambdaStateStore(config, logger),
    createLambdaDirectory(config, logger),
    wireWindows(config),
  ]);
  return createHandler({
    config,
    pipeline: createEventPipeline(config, alertRenderer),
    transport,
    log: logger,
    ...(store ? { store } : {}),
    ...(directory ? { directory } : {}),
    ...(windows ? { windows } : {}),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    writeMetrics,
  });
}

/** The window table's DynamoDB client and the flush queue, when the construct configured them. */
async function wireWindows(config: NotifierConfig): Promise<HandlerDeps['windows']> {
  if (!config.windowTable || !config.flushQueueUrl) return undefined;
  const [{ DynamoDBClient }, { SQSClient, createSqsFlushScheduler }] = await Promise.all([
    import('./adapters/state/dynamodb-store.js'),
    import('./adapters/windows/sqs-flush-scheduler.js'),
  ]);
  return {
    dynamo: new DynamoDBClient(STATE_CLIENT_OPTIONS),
    flushes: createSqsFlushScheduler(new SQSClient(SDK_CLIENT_OPTIONS), config.flushQueueUrl),
  };
}

/**
 * SQS: returns the message ids that failed so only those come back; one bad record never blocks
 * the others. EventBridge: throws on any failure.
 */
export async function handler(
  event: SQSEvent | EventBridgeEvent<string, unknown>,
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
): Promise<SQSBatchResponse | undefined> {
  return (await ready)(event, context);
}
