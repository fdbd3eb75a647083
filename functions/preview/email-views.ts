/**
 * What the transports would send for one email, built by the transports' own pure builders, so
 * the gallery shows the real `SendEmail` and `Publish` inputs rather than a second rendering.
 */
import { sesSendInputs } from '../adapters/ses-transport.js';
import { snsPublishInput } from '../adapters/sns-message.js';
import type { Email } from '../core/render/email.js';
import type { EmailViews } from './pages.js';

/** Placeholder addresses and topic: the preview sends nothing. */
export const PREVIEW_SES = { from: 'security-hub-notifier@example.com', to: ['security-team@example.com'] } as const;
export const PREVIEW_TOPIC_ARN = 'arn:aws:sns:us-east-1:111122223333:security-hub-preview';

/** The SES v2 `SendEmail` input and the SNS `Publish` input (its `Message` parsed for reading). */
export function emailViews(email: Email): EmailViews {
  const [sesInput] = sesSendInputs(email, { from: PREVIEW_SES.from, to: [...PREVIEW_SES.to] });
  const publish = snsPublishInput(email, PREVIEW_TOPIC_ARN);
  return { sesInput, snsInput: { ...publish, Message: parseMessage(publish.Message) } };
}

function parseMessage(message: string | undefined): unknown {
  try {
    return message === undefined ? undefined : JSON.parse(message);
  } catch {
    return message;
  }
}
