/** The complete MIME message (.eml) for an email, as SES would send it. Built by nodemailer's MailComposer. */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Email } from '../core/render/email.js';

export interface EmlOptions {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  /** The `Date` header; now by default. */
  readonly date?: Date;
}

/**
 * multipart/alternative (text, then HTML), From, To, Subject (RFC 2047 when non-ASCII), Date,
 * Message-ID and the email's own headers (X-SecurityHub-*, threading). The Message-ID is the
 * email's own `Message-ID` header when it has one (the finding's thread id on a first email),
 * else derived from the content, so a replay of the same input gets the same id.
 *
 * @example
 * await writeFile('001.eml', await emlMessage(email, { from: 'a@example.com', to: ['b@example.com'] }));
 */
export async function emlMessage(email: Email, options: EmlOptions): Promise<Buffer> {
  const { 'Message-ID': own, ...headers } = email.headers;
  const digest = createHash('sha256').update(email.subject).update('\0').update(email.text).digest('hex').slice(0, 32);
  const composer = new MailComposer({
    from: options.from,
    to: [...options.to],
    ...(options.cc && options.cc.length > 0 ? { cc: [...options.cc] } : {}),
    subject: email.subject,
    text: email.text,
    html: email.html,
    date: options.date ?? new Date(),
    messageId: own ?? `<${digest}@securityhub-email-notifier.local>`,
    headers,
  });
  return composer.compile().build();
}
