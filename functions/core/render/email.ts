import type { Notification } from '../policy/notification.js';

/** A rendered email, ready for any transport. Pure data. */
export interface Email {
  /** One line, no control characters; transports shorten further where they must (SNS: 100). */
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Headers a mail filter can use, e.g. `X-SecurityHub-Severity`. ASCII values only. */
  readonly headers: Readonly<Record<string, string>>;
  /** What the email is about, for structured subscribers (SNS sqs/lambda/https) and logs. */
  readonly notification: Notification;
}
