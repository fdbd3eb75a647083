import { createTransport } from '../adapters/create-transport.js';
import type { Destination, Transport } from '../adapters/transport.js';
import type { NotifierConfig } from '../core/config.js';

/** The configured transport, and where the last email went, for the replay's `email` lines. */
export interface ReplayTransport {
  readonly transport: Transport;
  /** Where the last email sent went: outbox paths, `ses` or `sns <topic>`. */
  where(destination?: Destination): string;
}

/**
 * The configured transport (the same factory as the Lambda's): the file outbox by default, SES or
 * SNS for real with the standard AWS credential chain and `AWS_REGION` (or `--region`).
 */
export function createReplayTransport(config: NotifierConfig): ReplayTransport {
  let written: readonly string[] = [];
  const transport = createTransport(config, {
    source: 'settings',
    onWrite: (paths) => {
      written = paths;
    },
  });
  const where = (destination?: Destination): string => {
    if (transport.name !== 'file') return transport.name === 'sns' ? `sns ${destination?.topicArn ?? config.sns?.topicArn}` : 'ses';
    return `${(written[0] ?? '').replace(/\.html$/, '')}.{html,txt,eml,sns.json}`;
  };
  return { transport, where };
}
