import type { Locale } from '../config.js';
import type { Notification } from '../policy/notification.js';
import type { Email } from './email.js';

export interface RenderOptions {
  readonly locale: Locale;
  /** IANA time zone for dates, named in the email. */
  readonly timeZone: string;
}

/** Turns a notification into an email. Built once from compiled templates; pure per call. */
export interface Renderer {
  render(notification: Notification, options: RenderOptions): Email;
}
