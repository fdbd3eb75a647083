/** The SNS transport: one `Publish` per email, with a per-protocol message (see `snsPublishInput`). */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { toDeliveryError } from '../notifier/delivery-failure.js';
import { snsPublishInput } from './sns-message.js';
import type { Transport } from './transport.js';

// The client class, for create-transport.ts: see the note there on how the SDK is loaded.
export { SNSClient } from '@aws-sdk/client-sns';

export interface SnsTransportOptions {
  readonly client: SNSClient;
  readonly topicArn: string;
}

/**
 * Publishes emails to an SNS topic: email subscribers get the text body, sqs/lambda/http(s)
 * subscribers a JSON document. Failures become `DeliveryError` (transient or permanent).
 *
 * @example
 * const transport = createSnsTransport({ client: new SNSClient({ maxAttempts: 4 }), topicArn });
 */
export function createSnsTransport(options: SnsTransportOptions): Transport {
  return {
    name: 'sns',
    async send(email, destination) {
      try {
        await options.client.send(new PublishCommand(snsPublishInput(email, destination?.topicArn ?? options.topicArn)));
      } catch (cause) {
        throw toDeliveryError('sns', cause);
      }
    },
  };
}
