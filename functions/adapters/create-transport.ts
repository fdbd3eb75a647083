/** Builds the configured transport, with its SDK client, once per cold start (or replay run). */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { NotifierConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { createFileTransport, type FileTransportOptions } from './file-transport.js';
import { createSesTransport } from './ses-transport.js';
import { createSnsTransport } from './sns-transport.js';
import type { Transport } from './transport.js';

/** SDK retries before a failure reaches us: throttling, 5xx and network errors, with adaptive backoff. */
export const SDK_RETRY = { maxAttempts: 4, retryMode: 'adaptive' } as const;

/** Sender and recipients the outbox names when the configuration has no `ses` section. */
export const OUTBOX_FROM = 'securityhub-notifier@example.invalid';
export const OUTBOX_TO = 'security-team@example.invalid';

export interface TransportOverrides {
  /** Passed to the file transport (e.g. the replay CLI printing paths). */
  readonly onWrite?: FileTransportOptions['onWrite'];
  /** Use these clients instead of building new ones. */
  readonly ses?: SESv2Client;
  readonly sns?: SNSClient;
  /** Where the configuration came from, for error messages (e.g. `NOTIFIER_CONFIG`). */
  readonly source?: string;
}

/**
 * The transport `config.transport` names. Region, credentials and endpoints come from the
 * environment the SDK reads (`AWS_REGION`, `AWS_ENDPOINT_URL_SESV2`, `AWS_ENDPOINT_URL_SNS`).
 *
 * @example
 * const transport = createTransport(readLambdaConfig(process.env));
 * @throws ConfigError when the transport's section is incomplete.
 */
export function createTransport(config: NotifierConfig, overrides: TransportOverrides = {}): Transport {
  const source = overrides.source ?? 'config';
  switch (config.transport) {
    case 'ses': {
      const ses = config.ses;
      if (!ses) throw new ConfigError(`${source}.ses`, 'required when transport is "ses"');
      if (ses.to.length + ses.cc.length === 0) throw new ConfigError(`${source}.ses.to`, 'at least one recipient is required');
      return createSesTransport({
        client: overrides.ses ?? new SESv2Client(SDK_RETRY),
        from: ses.from,
        to: ses.to,
        cc: ses.cc,
        replyTo: ses.replyTo,
        ...(ses.configurationSet ? { configurationSet: ses.configurationSet } : {}),
      });
    }
    case 'sns': {
      if (!config.sns) throw new ConfigError(`${source}.sns`, 'required when transport is "sns"');
      return createSnsTransport({ client: overrides.sns ?? new SNSClient(SDK_RETRY), topicArn: config.sns.topicArn });
    }
    case 'file':
      return createFileTransport({
        outDir: config.outDir,
        from: config.ses?.from ?? OUTBOX_FROM,
        to: config.ses?.to.length ? config.ses.to : [OUTBOX_TO],
        cc: config.ses?.cc ?? [],
        ...(config.sns ? { topicArn: config.sns.topicArn } : {}),
        ...(overrides.onWrite ? { onWrite: overrides.onWrite } : {}),
      });
  }
}
