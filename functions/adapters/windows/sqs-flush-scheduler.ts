/** The flush messages on SQS. Loaded only when the windows are configured (the SQS client is tens of ms of cold start). */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type FlushScheduler, flushBody } from '../../notifier/windows/flush-message.js';

// The client class, for the handler's wiring: the SDK is loaded once, with `require`, in the bundle (see create-transport.ts).
export { SQSClient } from '@aws-sdk/client-sqs';

/**
 * The flush messages on SQS (`SendMessage` with `DelaySeconds`).
 *
 * @example
 * const flushes = createSqsFlushScheduler(new SQSClient(SDK_CLIENT_OPTIONS), config.flushQueueUrl);
 */
export function createSqsFlushScheduler(client: SQSClient, queueUrl: string): FlushScheduler {
  return {
    async schedule(message, delay) {
      await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: flushBody(message), DelaySeconds: delay }));
    },
  };
}
