import { createTransport } from '../adapters/create-transport.js';
import { createFileTransport } from '../adapters/file-transport.js';
import { PLACEHOLDER } from '../adapters/placeholder-destination.js';
import type { Destination, Transport } from '../adapters/transport.js';
import type { NotifierConfig } from '../core/config.js';
import { clearOutbox } from './clear-outbox.js';

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
    const transport = await createTransport(config);
    return {
      transport,
      where: (destination) => (transport.name === 'sns' ? `sns ${destination?.topicArn ?? config.sns?.topicArn}` : 'ses'),
    };
  }
  await clearOutbox(config.outDir);
  const transport = createFileTransport({
    outDir: config.outDir,
    from: config.ses?.from ?? PLACEHOLDER.from,
    to: config.ses?.to.length ? config.ses.to : [...PLACEHOLDER.to],
    cc: config.ses?.cc ?? [],
    ...(config.sns ? { topicArn: config.sns.topicArn } : {}),
  });
  return { transport, where: () => `${(transport.written.at(-4) ?? '').replace(/\.html$/, '')}.{html,txt,eml,sns.json}` };
}
