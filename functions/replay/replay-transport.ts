import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { createFileTransport } from '../adapters/file-transport.js';
import { createSesTransport } from '../adapters/ses-transport.js';
import { createSnsTransport } from '../adapters/sns-transport.js';
import type { NotifierConfig } from '../core/config.js';
import type { Email } from '../core/render/email.js';

/** A transport that also says where each email went, for the replay's `email` lines. */
export interface ReplayTransport {
  send(email: Email): Promise<string>;
}

/** The file outbox by default; SES or SNS for real with the standard AWS credential chain. */
export function createReplayTransport(config: NotifierConfig, region?: string): ReplayTransport {
  const clientConfig = { maxAttempts: 4, ...(region === undefined ? {} : { region }) };
  if (config.transport === 'ses' && config.ses) {
    const { configurationSet, ...addresses } = config.ses;
    const ses = createSesTransport({
      client: new SESv2Client(clientConfig),
      ...addresses,
      ...(configurationSet === undefined ? {} : { configurationSet }),
    });
    return { send: (email) => ses.send(email).then(() => `ses ${config.ses?.to.length} recipient(s)`) };
  }
  if (config.transport === 'sns' && config.sns) {
    const sns = createSnsTransport({ client: new SNSClient(clientConfig), topicArn: config.sns.topicArn });
    return { send: (email) => sns.send(email).then(() => `sns ${config.sns?.topicArn}`) };
  }
  let last: readonly string[] = [];
  const outbox = createFileTransport({
    outDir: config.outDir,
    from: config.ses?.from ?? 'securityhub-notifier@example.com',
    to: config.ses?.to ?? ['security-team@example.com'],
    ...(config.sns ? { topicArn: config.sns.topicArn } : {}),
    onWrite: (paths) => {
      last = paths;
    },
  });
  return {
    send: async (email) => {
      await outbox.send(email);
      const stem = (last[0] ?? '').replace(/\.html$/, '');
      return `${stem}.{html,txt,eml,sns.json}`;
    },
  };
}
