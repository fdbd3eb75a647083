import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNS_MAX_BYTES } from '../../../functions/adapters/sns-message.js';
import { createSnsTransport } from '../../../functions/adapters/sns-transport.js';
import type { Transport } from '../../../functions/adapters/transport.js';
import { aFinding } from '../../support/findings.js';
import {
  createSubscribedTopic,
  DUMMY_CREDENTIALS,
  type HttpSubscriber,
  LOCAL_REGION,
  type StandIn,
  startHttpSubscriber,
  startSns,
} from '../../support/stand-ins.js';
import { resource, sampleEmail } from './sample-email.js';

/** The Notification document SNS posts to an http(s) subscriber. */
interface SnsNotification {
  readonly Type: string;
  readonly Subject: string;
  readonly Message: string;
  readonly MessageStructure?: string;
}

describe('SNS transport against serverless-offline-sns', () => {
  let sns: StandIn;
  let subscriber: HttpSubscriber;
  let client: SNSClient;
  let transport: Transport;
  let deliveries = 0;

  beforeAll(async () => {
    sns = await startSns();
    subscriber = await startHttpSubscriber();
    client = new SNSClient({ endpoint: sns.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
    transport = createSnsTransport({ client, topicArn: await createSubscribedTopic(sns, 'securityhub-alerts', subscriber) });
  });
  afterAll(async () => {
    client.destroy();
    await subscriber.stop();
    await sns.stop();
  });

  /** Publishes with the real SDK and returns what the http subscriber got. */
  async function publish(email: ReturnType<typeof sampleEmail>): Promise<{ notification: SnsNotification; bytes: number }> {
    await transport.send(email);
    const delivery = await subscriber.waitFor(++deliveries);
    const notification = JSON.parse(delivery.body) as SnsNotification;
    return { notification, bytes: Buffer.byteLength(notification.Message, 'utf8') };
  }

  it('gives email subscribers the text body and http subscribers the structured notification', async () => {
    // Prepare
    const email = sampleEmail();

    // Act
    const { notification } = await publish(email);

    // Assess: the stand-in forwards the whole per-protocol JSON (SNS would pick `http` for this
    // subscriber) and drops MessageAttributes with MessageStructure json: sns-message.test.ts checks those.
    expect(notification.Type).toBe('Notification');
    expect(notification.MessageStructure).toBe('json');
    expect(notification.Subject).toBe(email.subject);
    const perProtocol = JSON.parse(notification.Message) as Record<string, string>;
    expect(perProtocol.default).toBe(email.text);
    expect(perProtocol.email).toBe(email.text);
    expect(perProtocol.https).toBe(perProtocol.http);
    expect(perProtocol.sqs).toBe(perProtocol.http);
    const structured = JSON.parse(perProtocol.http ?? '');
    expect(structured).toMatchObject({ version: 1, kind: 'finding', subject: email.subject, trigger: { eventId: 'event-1' } });
    expect(structured.finding).toEqual(JSON.parse(JSON.stringify(email.notification.kind === 'finding' && email.notification.finding)));
  });

  it('sends an ASCII subject of at most 100 characters when the title is long and Japanese', async () => {
    // Prepare
    const title = `CIS 3.4 ${'IAM policy changes メトリクスフィルター '.repeat(10)}alarm`;
    const email = sampleEmail({ subject: `[HIGH] ${title}\r\nBcc: x@example.com` }, aFinding({ title, severity: 'HIGH' }));

    // Act
    const { notification } = await publish(email);

    // Assess
    expect(notification.Subject.length).toBeLessThanOrEqual(100);
    expect(notification.Subject).toMatch(/^[A-Za-z0-9[][\x20-\x7e]*$/);
    expect(notification.Subject.startsWith('[HIGH] CIS 3.4 IAM')).toBe(true);
  });

  it('keeps a finding with 20,000 resources under 256 KB and says what it shortened', async () => {
    // Prepare
    const resources = Array.from({ length: 20_000 }, (_, i) => resource(i));
    const finding = aFinding({ resources, description: 'd'.repeat(100_000) });
    const lines = resources.map((r) => `- ${r.type} ${r.id}`).join('\n');
    const email = sampleEmail({ text: `${finding.title}\n\n${finding.description}\n\nResources:\n${lines}\n` }, finding);

    // Act
    const { notification, bytes } = await publish(email);

    // Assess
    expect(bytes).toBeLessThanOrEqual(SNS_MAX_BYTES);
    const perProtocol = JSON.parse(notification.Message) as Record<string, string>;
    const structured = JSON.parse(perProtocol.http ?? '');
    const kept = structured.finding.resources.length as number;
    expect(kept).toBeLessThan(resources.length);
    expect(structured.shortened).toContain(`${resources.length - kept} resources`);
    expect(structured.shortened).toContain('description cut');
    expect(perProtocol.email).toContain(structured.shortened);
    expect(perProtocol.email?.startsWith(finding.title)).toBe(true);
  });
});
