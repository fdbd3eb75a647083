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

/** SES-style recipients: To, and Cc when any. */
export interface Recipients {
  readonly to: readonly string[];
  readonly cc?: readonly string[];
}

/**
 * The recipients of one email: a route's own To (with its Cc, or none) replace the configured To
 * and Cc; without them the configured ones stay.
 *
 * @example
 * recipientsFor({ to: ['soc@example.com'], cc: ['ops@example.com'] }, { to: ['pay@example.com'] }) // { to: ['pay@example.com'], cc: [] }
 */
export function recipientsFor(configured: Recipients, destination: Destination | undefined): Recipients {
  return destination?.to?.length ? { to: destination.to, cc: destination.cc ?? [] } : configured;
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
