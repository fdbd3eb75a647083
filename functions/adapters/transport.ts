import type { Email } from '../core/render/email.js';

/** Delivers rendered emails. Implementations: SES v2, SNS, the file outbox, in-memory. */
export interface Transport {
  readonly name: 'ses' | 'sns' | 'file' | 'memory';
  /**
   * Sends one email. Throws `DeliveryError` (transient or permanent) when it cannot;
   * never swallows a failure.
   */
  send(email: Email): Promise<void>;
}
