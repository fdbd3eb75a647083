/** A route's own recipients and topic, as the SES transport and the file outbox apply them (one rule, `recipientsFor`). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SESv2Client, SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileTransport } from '../../../functions/adapters/file-transport.js';
import { createSesTransport } from '../../../functions/adapters/ses-transport.js';
import { recipientsFor } from '../../../functions/adapters/transport.js';
import type { Email } from '../../../functions/core/render/email.js';
import { aFindingNotification } from '../../support/findings.js';

const CONFIGURED = { to: ['soc@example.com'], cc: ['audit@example.com'] };
const EMAIL: Email = { subject: 'subject', html: '<p>html</p>', text: 'text\n', headers: {}, notification: aFindingNotification() };

describe('recipientsFor', () => {
  it.each([
    ['no destination', undefined, CONFIGURED],
    ['a topic only', { topicArn: 'arn:aws:sns:us-east-1:111122223333:t' }, CONFIGURED],
    ['an empty To', { to: [], cc: ['x@example.com'] }, CONFIGURED],
    ['a To without Cc', { to: ['pay@example.com'] }, { to: ['pay@example.com'], cc: [] }],
    ['a To and Cc', { to: ['pay@example.com'], cc: ['lead@example.com'] }, { to: ['pay@example.com'], cc: ['lead@example.com'] }],
  ])('with %s', (_, destination, expected) => {
    expect(recipientsFor(CONFIGURED, destination)).toEqual(expected);
  });
});

describe('a route destination through the transports', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'route-recipients-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('SES: the route replaces To and Cc; sender, Reply-To and configuration set stay', async () => {
    // Prepare
    const inputs: SendEmailCommandInput[] = [];
    const client = { send: async (command: { input: SendEmailCommandInput }) => void inputs.push(command.input) } as unknown as SESv2Client;
    const ses = createSesTransport({ client, from: 'n@example.com', ...CONFIGURED, replyTo: ['r@example.com'], configurationSet: 'cs' });

    // Act
    await ses.send(EMAIL, { to: ['pay@example.com'] });
    await ses.send(EMAIL);

    // Assess
    expect(inputs.map((i) => i.Destination)).toEqual([
      { ToAddresses: ['pay@example.com'] },
      { ToAddresses: ['soc@example.com'], CcAddresses: ['audit@example.com'] },
    ]);
    for (const input of inputs) {
      expect(input).toMatchObject({ FromEmailAddress: 'n@example.com', ReplyToAddresses: ['r@example.com'], ConfigurationSetName: 'cs' });
    }
  });

  it('file outbox: the route recipients go into the .eml, its topic into the .sns.json', async () => {
    // Prepare
    const outbox = createFileTransport({ outDir: dir, from: 'n@example.com', ...CONFIGURED });
    const topicArn = 'arn:aws:sns:eu-west-1:111122223333:payments';

    // Act
    await outbox.send(EMAIL, { to: ['pay@example.com'], cc: ['lead@example.com'], topicArn });

    // Assess
    const [, , eml, sns] = outbox.written as [string, string, string, string];
    const parsed = await simpleParser(await readFile(eml));
    expect(parsed.headers.get('to')).toMatchObject({ text: 'pay@example.com' });
    expect(parsed.headers.get('cc')).toMatchObject({ text: 'lead@example.com' });
    expect(JSON.parse(await readFile(sns, 'utf8'))).toMatchObject({ TopicArn: topicArn });
  });
});
