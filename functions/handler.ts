/**
 * The Lambda entry point. Wiring happens once per cold start; a configuration error fails the
 * start with one line naming the setting. Accepts an SQS batch (each body an EventBridge event)
 * or one EventBridge event.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { EventBridgeEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createTransport } from './adapters/create-transport.js';
import { CONFIG_VARIABLE, readLambdaConfig } from './adapters/lambda-config.js';
import { createNotifier, type Notifier } from './adapters/notify-input.js';
import { ConfigError } from './core/errors.js';
import { createPipeline } from './core/pipeline.js';
import { renderer } from './core/render/prebuilt.js';

const logger = new Logger({ serviceName: 'securityhub-email-notifier' });
const notifier = wire();

function wire(): Notifier {
  try {
    const config = readLambdaConfig(process.env);
    const transport = createTransport(config, { source: CONFIG_VARIABLE });
    return createNotifier({ pipeline: createPipeline(config, renderer), transport, log: logger });
  } catch (error) {
    if (error instanceof ConfigError) logger.error(`configuration error: ${error.message}`, { setting: error.setting });
    throw error;
  }
}

type Event = SQSEvent | EventBridgeEvent<string, unknown>;

/**
 * SQS: returns the message ids that failed (unreadable, or an email not delivered) so only
 * those come back; one bad record never blocks the others. EventBridge: throws on any failure.
 */
export async function handler(event: Event): Promise<SQSBatchResponse | undefined> {
  if ('Records' in event) {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const { failure } = await notifier.notify(parse(record.body), record.messageId);
      if (failure) batchItemFailures.push({ itemIdentifier: record.messageId });
    }
    return { batchItemFailures };
  }
  const { failure } = await notifier.notify(event, event.id);
  if (failure) throw failure;
  return undefined;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    return error instanceof SyntaxError ? error : new SyntaxError(String(error));
  }
}
