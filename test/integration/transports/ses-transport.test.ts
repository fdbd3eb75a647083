import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSesTransport, SES_MAX_RECIPIENTS, sesSendInputs } from '../../../functions/adapters/ses-transport.js';
import { DeliveryError } from '../../../functions/core/errors.js';
import { aFinding } from '../../support/findings.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION, type SesStandIn, startSes } from '../../support/stand-ins.js';
import { sampleEmail } from './sample-email.js';

describe('SES v2 transport against aws-ses-v2-local', () => {
  let ses: SesStandIn;
  let client: SESv2Client;

  beforeAll(async () => {
    ses = await startSes();
    client = new SESv2Client({ endpoint: ses.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await ses.stop();
  });
  beforeEach(() => ses.clear());

  it('sends a hostile subject verbatim with both bodies, addresses and X-SecurityHub-* headers', async () => {
    // Prepare
    const hostile = '<script>alert("x")</script> & \' " =?utf-8?q?x?= 3.4';
    const email = sampleEmail({ subject: `[MEDIUM] ${hostile}` });
    const transport = createSesTransport({
      client,
      from: 'notifier@example.com',
      to: ['soc@example.com'],
      cc: ['audit@example.com'],
      replyTo: ['noreply@example.com'],
    });

    // Act
    await transport.send(email);

    // Assess
    const [stored, ...rest] = await ses.emails();
    expect(rest).toHaveLength(0);
    expect(stored?.subject).toBe(email.subject);
    expect(stored?.body.html).toBe(email.html);
    expect(stored?.body.text).toBe(email.text);
    expect(stored?.from).toBe('notifier@example.com');
    expect(stored?.destination).toEqual({ to: ['soc@example.com'], cc: ['audit@example.com'], bcc: [] });
    expect(stored?.replyTo).toEqual(['noreply@example.com']);
    expect(stored?.headers).toEqual(Object.entries(email.headers).map(([name, value]) => ({ name, value })));
  });

  it('keeps a Japanese subject and body intact (UTF-8)', async () => {
    // Prepare
    const finding = aFinding({ title: '3.4 IAM ポリシー変更のメトリクスフィルターとアラームが存在することを確認する' });
    const email = sampleEmail({}, finding);
    const transport = createSesTransport({ client, from: 'notifier@example.com', to: ['soc@example.com'] });

    // Act
    await transport.send(email);

    // Assess
    const [stored] = await ses.emails();
    expect(stored?.subject).toBe(`[MEDIUM] ${finding.title}`);
    expect(stored?.body.text).toContain(finding.title);
    expect(stored?.headers?.find((h) => h.name === 'X-SecurityHub-Severity')?.value).toBe('MEDIUM');
  });

  it('splits more than 50 recipients into several messages, each with at most 50', async () => {
    // Prepare
    const to = Array.from({ length: 70 }, (_, i) => `soc${i}@example.com`);
    const cc = Array.from({ length: 40 }, (_, i) => `cc${i}@example.com`);
    const transport = createSesTransport({ client, from: 'notifier@example.com', to, cc });

    // Act
    await transport.send(sampleEmail());

    // Assess
    const stored = await ses.emails();
    expect(stored).toHaveLength(3);
    for (const message of stored)
      expect(message.destination.to.length + message.destination.cc.length).toBeLessThanOrEqual(SES_MAX_RECIPIENTS);
    expect(stored.flatMap((m) => m.destination.to)).toEqual(to);
    expect(stored.flatMap((m) => m.destination.cc)).toEqual(cc);
  });

  it('names the configuration set and marks the charset UTF-8', () => {
    // Act
    const [input] = sesSendInputs(sampleEmail(), { from: 'n@example.com', to: ['s@example.com'], configurationSet: 'notifier' });

    // Assess
    expect(input?.ConfigurationSetName).toBe('notifier');
    expect(input?.Content?.Simple?.Subject?.Charset).toBe('UTF-8');
    expect(input?.Content?.Simple?.Body?.Html?.Charset).toBe('UTF-8');
    expect(input?.Content?.Simple?.Body?.Text?.Charset).toBe('UTF-8');
  });

  it('reports a rejected request as a permanent DeliveryError', async () => {
    // Prepare: the stand-in answers 400 BadRequest when the sender is empty.
    const transport = createSesTransport({ client, from: '', to: ['soc@example.com'] });

    // Act
    const error = await transport.send(sampleEmail()).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ name: 'DeliveryError', transport: 'ses', transient: false });
  });

  it('reports an unreachable endpoint as a transient DeliveryError', async () => {
    // Prepare: a port nothing listens on (the stand-in, stopped).
    const gone = await startSes();
    await gone.stop();
    const offline = new SESv2Client({ endpoint: gone.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
    const transport = createSesTransport({ client: offline, from: 'notifier@example.com', to: ['soc@example.com'] });

    // Act
    const error = await transport.send(sampleEmail()).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ name: 'DeliveryError', transport: 'ses', transient: true });
    offline.destroy();
  });
});
