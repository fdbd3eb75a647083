/**
 * Builds the configured AWS transport once per cold start (or replay run). Only the configured
 * transport's module, and so only its SDK client, is loaded: each client costs tens of
 * milliseconds of cold start. The file outbox is replay's (`functions/replay/`), never the Lambda's.
 *
 * The client classes come from the transport modules, not from `import('@aws-sdk/...')`: in the
 * CommonJS bundle the transport module `require`s the SDK, and an `import()` of the same package
 * would load it a second time through the ESM loader, which first scans the SDK's whole CommonJS
 * file for its exports (cjs-module-lexer): ~10 ms of cold start for nothing.
 */
import type { SendingConfig } from '../core/config.js';
import type { Transport } from './transport.js';

/**
 * SDK settings for SES and SNS: throttling, 5xx and network errors are retried with adaptive
 * backoff; a call that hangs is abandoned after 10 s (the SDK default socket timeout is 300 s,
 * far past the function's), so the record comes back instead of the whole batch timing out.
 */
export const SDK_CLIENT_OPTIONS = {
  maxAttempts: 4,
  retryMode: 'adaptive',
  requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
} as const;

/**
 * The transport `config.transport` names (`ses` or `sns`; the schema made sure its section is
 * there). Region, credentials and endpoints come from the environment the SDK reads (`AWS_REGION`,
 * `AWS_ENDPOINT_URL_SESV2`, `AWS_ENDPOINT_URL_SNS`).
 *
 * @example
 * const transport = await createTransport(readLambdaConfig(process.env));
 */
export async function createTransport(config: SendingConfig): Promise<Transport> {
  if (config.transport === 'sns') {
    const { SNSClient, createSnsTransport } = await import('./sns-transport.js');
    return createSnsTransport({ client: new SNSClient(SDK_CLIENT_OPTIONS), topicArn: config.sns.topicArn });
  }
  const { ses } = config;
  const { SESv2Client, createSesTransport } = await import('./ses-transport.js');
  return createSesTransport({
    client: new SESv2Client(SDK_CLIENT_OPTIONS),
    from: ses.from,
    to: ses.to,
    cc: ses.cc,
    replyTo: ses.replyTo,
    ...(ses.configurationSet ? { configurationSet: ses.configurationSet } : {}),
  });
}
