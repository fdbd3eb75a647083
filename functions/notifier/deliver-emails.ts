/**
 * Sends the emails of one batch through the transport, paced so the send rate never exceeds what
 * the transport tolerates, each to its route's destination. One failure never stops the others.
 */

import type { Destination, Transport } from '../adapters/transport.js';
import type { BatchEmail } from '../core/pipeline/pipeline.js';
import { sendDelays } from '../core/policy/pacing.js';
import type { Route } from '../core/policy/policy-config.js';

/** What became of one email: delivered, failed (`error`), or not tried for lack of time (`deferred`). */
export interface Delivery {
  readonly item: BatchEmail;
  readonly error?: Error;
  readonly deferred?: boolean;
  /** Where it went (or was to go); `undefined`: the transport's configured recipients or topic. */
  readonly destination?: Destination;
}

export interface DeliverOptions {
  readonly transport: Transport;
  /** Emails a second (see `ratePerSecond`). */
  readonly perSecond: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Milliseconds left before the invocation times out (Lambda); stops sending with `marginMs` to spare. */
  readonly remainingMs?: () => number;
  /** @default 5000 */
  readonly marginMs?: number;
  /** Where an email goes; default: its route's own recipients (`destinationOf`). See `ownerDestination`. */
  readonly destinationFor?: (item: BatchEmail) => Destination | undefined;
  /**
   * The send budget shared by all invocations: resolves with the milliseconds to wait for this
   * email's slot, or `undefined` when the slot lies beyond the time left (the email is deferred).
   * Replaces the `perSecond` schedule of this batch alone.
   */
  readonly reserve?: (destination: Destination | undefined) => Promise<number | undefined>;
  /** Called after each attempt, e.g. to log or print it. */
  readonly onDelivery?: (delivery: Delivery) => void;
}

/**
 * @example
 * const deliveries = await deliverEmails(output.emails, { transport, perSecond: 10 });
 * deliveries.filter((d) => d.error).length // failed or deferred emails
 */
export async function deliverEmails(emails: readonly BatchEmail[], options: DeliverOptions): Promise<Delivery[]> {
  const sleep = options.sleep ?? wait;
  const margin = options.marginMs ?? 5000;
  const delays = sendDelays(emails.length, options.perSecond);
  const deliveries: Delivery[] = [];
  for (const [i, item] of emails.entries()) {
    const delay = delays[i] ?? 0;
    const destination = (options.destinationFor ?? ((i) => destinationOf(i.route)))(item);
    const wait = options.reserve ? await options.reserve(destination) : delay;
    let delivery: Delivery;
    if (wait === undefined || (options.remainingMs && options.remainingMs() < wait + margin)) {
      delivery = { item, deferred: true, error: new Error('not enough time left in this invocation; the record comes back') };
    } else {
      if (wait > 0) await sleep(wait);
      delivery = await attempt(options.transport, item, destination);
    }
    deliveries.push(delivery);
    options.onDelivery?.(delivery);
  }
  return deliveries;
}

async function attempt(transport: Transport, item: BatchEmail, destination: Destination | undefined): Promise<Delivery> {
  const where = destination ? { destination } : {};
  try {
    await (destination ? transport.send(item.email, destination) : transport.send(item.email));
    return { item, ...where };
  } catch (cause) {
    return { item, ...where, error: cause instanceof Error ? cause : new Error(String(cause)) };
  }
}

/**
 * A route's own recipients (SES) or topic (SNS); `undefined` for the fallback route.
 *
 * @example
 * destinationOf({ name: 'payments', match: {}, ses: { to: ['pay@example.com'], cc: [] } }) // { to: [...], cc: [] }
 */
export function destinationOf(route: Route): Destination | undefined {
  const destination: Destination = {
    ...(route.ses ? { to: route.ses.to, cc: route.ses.cc } : {}),
    ...(route.snsTopicArn ? { topicArn: route.snsTopicArn } : {}),
  };
  return Object.keys(destination).length > 0 ? destination : undefined;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
