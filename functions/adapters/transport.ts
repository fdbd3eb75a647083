import type { Email } from '../core/render/email.js';

/**
 * Where one email goes when a route names its own recipients (SES To/Cc) or topic (SNS).
 * Anything not given falls back to the transport's configured recipients or topic.
 */
export interface Destination {
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly topicArn?: string;
}

/** Delivers rendered emails. Implementations: SES v2, SNS, the file outbox, in-memory. */
export interface Transport {
  readonly name: 'ses' | 'sns' | 'file' | 'memory';
  /**
   * Sends one email, to `destination` when given, else to the configured recipients or topic.
   * Throws `DeliveryError` (transient or permanent) when it cannot; never swallows a failure.
   */
  send(email: Email, destination?: Destination): Promise<void>;
}
