/**
 * The file outbox, for replay and review: per email `<stem>.html`, `<stem>.txt`, `<stem>.eml`
 * (the full MIME message) and `<stem>.sns.json` (the exact SNS Publish input).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeliveryError } from '../core/errors.js';
import { emlMessage } from './eml-message.js';
import { outboxStem } from './outbox-stem.js';
import { PLACEHOLDER } from './placeholder-destination.js';
import { snsPublishInput } from './sns-message.js';
import { recipientsFor, type Transport } from './transport.js';

export interface FileTransportOptions {
  readonly outDir: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  /** @default PLACEHOLDER.topicArn */
  readonly topicArn?: string;
}

export interface FileTransport extends Transport {
  /** Every path written so far, in order. */
  readonly written: string[];
}

/**
 * @example
 * const outbox = createFileTransport({ outDir: 'outbox', from: 'notifier@example.com', to: ['soc@example.com'] });
 * await outbox.send(email);
 * console.log(outbox.written);
 */
export function createFileTransport(options: FileTransportOptions): FileTransport {
  const written: string[] = [];
  let count = 0;
  return {
    name: 'file',
    written,
    async send(email, destination) {
      const stem = join(options.outDir, outboxStem(count++, email.notification));
      // A route's recipients and topic are written into the .eml and the .sns.json.
      const { to, cc } = recipientsFor(options, destination);
      const eml = await emlMessage(email, { from: options.from, to, ...(cc ? { cc } : {}) });
      const sns = snsPublishInput(email, destination?.topicArn ?? options.topicArn ?? PLACEHOLDER.topicArn);
      const files: [string, string | Buffer][] = [
        [`${stem}.html`, email.html],
        [`${stem}.txt`, email.text],
        [`${stem}.eml`, eml],
        [`${stem}.sns.json`, `${JSON.stringify(sns, null, 2)}\n`],
      ];
      try {
        await mkdir(options.outDir, { recursive: true });
        for (const [path, content] of files) await writeFile(path, content);
      } catch (cause) {
        const code = (cause as { code?: unknown }).code;
        throw new DeliveryError('file', code === 'EMFILE' || code === 'EBUSY', `cannot write ${stem}: ${String(code ?? cause)}`, { cause });
      }
      const paths = files.map(([path]) => path);
      written.push(...paths);
    },
  };
}
