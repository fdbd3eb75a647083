/**
 * The cold-start floor of any notifier that sends through SNS with the AWS SDK: the SNS client,
 * loaded and constructed with the handler's own settings, and nothing else. Bundled like the
 * handler (see build-bundles.ts) and loaded like it (see measure-import.ts).
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { SDK_CLIENT_OPTIONS } from '../functions/adapters/create-transport.js';

export const client = new SNSClient(SDK_CLIENT_OPTIONS);
