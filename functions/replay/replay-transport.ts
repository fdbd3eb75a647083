import { createTransport } from '../adapters/create-transport.js';
import { createFileTransport } from '../adapters/file-transport.js';
import type { Destination, Transport } from '../adapters/transport.js';
import type { NotifierConfig } from '../core/config.js';
import { clearOutbox } from './clear-outbox.js';

/** Sender and recipients the outbox names when the configuration has no `ses` section. */
export const OUTBOX_FROM = 'securityhub-notifier@example.invalid';
export const OUTBOX_TO = 'security-team@example.invalid';

/** The configured transport, and where the last email went, for the replay's `email` lines. */
export interface ReplayTransport {
  readonly transport: Transport;
  /** Where the last email sent went: outbox paths, `ses` or `sns <topic>`. */
  where(destination?: Destination): string;
}

/**
 * The file outbox by default (emptied of an earlier run's emails first); SES or SNS for real (the Lambda's own factory) with the standard
 * AWS credential chain and `AWS_REGION` (or `--region`).
 */
export async function createReplayTransport(config: NotifierConfig): Promise<ReplayTransport> {
  if (config.transport !== 'file') {
    const transport = await createTransport(config, 'settings');
    return {
      transport,
      where: (destination) => (transport.name === 'sns' ? `sns ${destination?.topicArn ?? config.sns?.topicArn}` : 'ses'),
    };
  }
  await clearOutbox(config.outDir);
  let written: readonly string[] = [];
  const transport = createFileTransport({
    outDir: config.outDir,
    from: config.ses?.from ?? OUTBOX_FROM,
    to: config.ses?.to.length ? config.ses.to : [OUTBOX_TO],
    cc: config.ses?.cc ?? [],
    ...(config.sns ? { topicArn: config.sns.topicArn } : {}),
    onWrite: (paths) => {
      written = paths;
    },
  });
  return { transport, where: () => `${(written[0] ?? '').replace(/\.html$/, '')}.{html,txt,eml,sns.json}` };
}
