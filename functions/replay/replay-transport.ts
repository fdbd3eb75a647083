import { createTransport } from '../adapters/create-transport.js';
import type { NotifierConfig } from '../core/config.js';
import type { Email } from '../core/render/email.js';

/** A transport that also says where each email went, for the replay's `email` lines. */
export interface ReplayTransport {
  send(email: Email): Promise<string>;
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
  const where = (): string => {
    if (transport.name !== 'file') return transport.name === 'sns' ? `sns ${config.sns?.topicArn}` : 'ses';
    return `${(written[0] ?? '').replace(/\.html$/, '')}.{html,txt,eml,sns.json}`;
  };
  return { send: (email) => transport.send(email).then(where) };
}
