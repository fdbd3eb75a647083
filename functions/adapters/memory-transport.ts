/** A transport that keeps emails in memory: for tests and the benchmark. */
import type { Email } from '../core/render/email.js';
import type { Destination, Transport } from './transport.js';

export interface MemoryTransport extends Transport {
  /** Every email sent, in order. */
  readonly sent: Email[];
  /** The destination each email was sent with (`undefined`: the configured one), same order as `sent`. */
  readonly destinations: (Destination | undefined)[];
}

/**
 * @example
 * const transport = createMemoryTransport();
 * await transport.send(email);
 * transport.sent.length; // 1
 */
export function createMemoryTransport(): MemoryTransport {
  const sent: Email[] = [];
  const destinations: (Destination | undefined)[] = [];
  return {
    name: 'memory',
    sent,
    destinations,
    async send(email, destination) {
      sent.push(email);
      destinations.push(destination);
    },
  };
}
