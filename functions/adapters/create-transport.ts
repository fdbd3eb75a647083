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
import type { NotifierConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
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
 * The transport `config.transport` names (`ses` or `sns`). Region, credentials and endpoints come
 * from the environment the SDK reads (`AWS_REGION`, `AWS_ENDPOINT_URL_SESV2`, `AWS_ENDPOINT_URL_SNS`).
 *
 * @example
 * const transport = await createTransport(readLambdaConfig(process.env), configSource(process.env));
 * @throws ConfigError when the transport's section is incomplete, or for `file`.
 */
export async function createTransport(config: NotifierConfig, source = 'config'): Promise<Transport> {
  switch (config.transport) {
    case 'ses': {
      const ses = config.ses;
      if (!ses) throw new ConfigError(`${source}.ses`, 'required when transport is "ses"');
      if (ses.to.length + ses.cc.length === 0) throw new ConfigError(`${source}.ses.to`, 'at least one recipient is required');
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
    case 'sns': {
      if (!config.sns) throw new ConfigError(`${source}.sns`, 'required when transport is "sns"');
      const { SNSClient, createSnsTransport } = await import('./sns-transport.js');
      return createSnsTransport({ client: new SNSClient(SDK_CLIENT_OPTIONS), topicArn: config.sns.topicArn });
    }
    case 'file':
      throw new ConfigError(`${source}.transport`, 'the file outbox is for replay; use "ses" or "sns"');
  }
}
