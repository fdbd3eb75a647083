/** A transport that keeps emails in memory: for tests and the benchmark. */
import type { Email } from '../core/render/email.js';
import type { Transport } from './transport.js';

export interface MemoryTransport extends Transport {
  /** Every email sent, in order. */
  readonly sent: Email[];
}

/**
 * @example
 * const transport = createMemoryTransport();
 * await transport.send(email);
 * transport.sent.length; // 1
 */
export function createMemoryTransport(): MemoryTransport {
  const sent: Email[] = [];
  return {
    name: 'memory',
    sent,
    async send(email) {
      sent.push(email);
    },
  };
}
