/** The SES v2 transport: one `SendEmail` (Simple content) per 50 recipients. */
import { type SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { ConfigError } from '../core/errors.js';
import type { Email } from '../core/render/email.js';
import { toDeliveryError } from '../notifier/delivery-failure.js';
import { recipientsFor, type Transport } from './transport.js';

// The client class, for create-transport.ts: see the note there on how the SDK is loaded.
export { SESv2Client } from '@aws-sdk/client-sesv2';

/** SES v2 accepts at most 50 recipients (To + Cc + Bcc) per message. */
export const SES_MAX_RECIPIENTS = 50;

export interface SesTransportOptions {
  readonly client: SESv2Client;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly replyTo?: readonly string[];
  readonly configurationSet?: string;
}

/**
 * Builds the `SendEmail` inputs for one email: one per group of at most 50 recipients. Pure.
 *
 * @example
 * const [input] = sesSendInputs(email, { from: 'a@example.com', to: ['b@example.com'] });
 */
export function sesSendInputs(email: Email, options: Omit<SesTransportOptions, 'client'>): SendEmailCommandInput[] {
  const recipients = [
    ...options.to.map((address) => ({ address, cc: false })),
    ...(options.cc ?? []).map((address) => ({ address, cc: true })),
  ];
  const inputs: SendEmailCommandInput[] = [];
  for (let start = 0; start < recipients.length; start += SES_MAX_RECIPIENTS) {
    const group = recipients.slice(start, start + SES_MAX_RECIPIENTS);
    const to = group.filter((r) => !r.cc).map((r) => r.address);
    const cc = group.filter((r) => r.cc).map((r) => r.address);
    inputs.push({
      FromEmailAddress: options.from,
      Destination: { ...(to.length > 0 ? { ToAddresses: to } : {}), ...(cc.length > 0 ? { CcAddresses: cc } : {}) },
      ...(options.replyTo && options.replyTo.length > 0 ? { ReplyToAddresses: [...options.replyTo] } : {}),
      ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
          Headers: sesHeaders(email.headers),
        },
      },
    });
  }
  return inputs;
}

/**
 * Sends emails through Amazon SES v2. The client retries transient errors itself; what is left
 * is thrown as a `DeliveryError` (transient: throttling, 5xx, network; else permanent). A route's
 * recipients replace the configured To and Cc; sender, Reply-To and configuration set stay.
 *
 * @example
 * const transport = createSesTransport({ client: new SESv2Client({ maxAttempts: 4 }), from, to: ['soc@example.com'] });
 */
export function createSesTransport(options: SesTransportOptions): Transport {
  if (options.to.length + (options.cc?.length ?? 0) === 0) throw new ConfigError('ses.to', 'at least one recipient is required');
  return {
    name: 'ses',
    async send(email, destination) {
      for (const input of sesSendInputs(email, { ...options, ...recipientsFor(options, destination) })) {
        try {
          await options.client.send(new SendEmailCommand(input));
        } catch (cause) {
          throw toDeliveryError('ses', cause);
        }
      }
    },
  };
}

/**
 * The email's headers for SES. SES replaces any `Message-ID` with its own, so a first email's
 * thread id (its intended `Message-ID`) travels as `References` instead: later emails point at
 * the same id, and a mail client threads them together.
 */
export function sesHeaders(headers: Readonly<Record<string, string>>): { Name: string; Value: string }[] {
  const { 'Message-ID': messageId, ...rest } = headers;
  const threaded = messageId !== undefined && rest.References === undefined ? { ...rest, References: messageId } : rest;
  return Object.entries(threaded).map(([Name, Value]) => ({ Name, Value }));
}
