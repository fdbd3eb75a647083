/**
 * What the transports would send for one email, built by the transports' own pure builders, so
 * the gallery shows the real `SendEmail` and `Publish` inputs rather than a second rendering.
 */
import { PLACEHOLDER } from '../adapters/placeholder-destination.js';
import { sesSendInputs } from '../adapters/ses-transport.js';
import { snsPublishInput } from '../adapters/sns-message.js';
import type { Email } from '../core/render/email.js';
import type { EmailViews } from './pages.js';

/** The SES v2 `SendEmail` input and the SNS `Publish` input (its `Message` parsed for reading). */
export function emailViews(email: Email): EmailViews {
  // Placeholder addresses and topic: the preview sends nothing.
  const [sesInput] = sesSendInputs(email, { from: PLACEHOLDER.from, to: [...PLACEHOLDER.to] });
  const publish = snsPublishInput(email, PLACEHOLDER.topicArn);
  return { sesInput, snsInput: { ...publish, Message: parseMessage(publish.Message) } };
}

function parseMessage(message: string | undefined): unknown {
  try {
    return message === undefined ? undefined : JSON.parse(message);
  } catch {
    return message;
  }
}
