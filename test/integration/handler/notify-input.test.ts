import { readFileSync } from 'node:fs';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryTransport } from '../../../functions/adapters/memory-transport.js';
import { createNotifier, type Log } from '../../../functions/adapters/notify-input.js';
import { createSesTransport } from '../../../functions/adapters/ses-transport.js';
import { compileTemplates } from '../../../functions/build/compile-templates.js';
import { parseConfig } from '../../../functions/core/config.js';
import { createPipeline, type Pipeline } from '../../../functions/core/pipeline.js';
import { createRenderer } from '../../../functions/core/render/create-renderer.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION, type SesStandIn, startSes } from '../../support/stand-ins.js';

const SEED = JSON.parse(readFileSync(new URL('../../../fixtures/seed/cis-3.4-imported-event.json', import.meta.url), 'utf8'));

/** A Log that keeps every entry, to read back what was logged. */
function recordingLog() {
  const entries: { level: string; message: string; attributes: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, attributes: Record<string, unknown>) => entries.push({ level, message, attributes });
  const log: Log = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, entries };
}

describe('createNotifier: one input through pipeline and transport', () => {
  let pipeline: Pipeline;
  let ses: SesStandIn;

  beforeAll(async () => {
    pipeline = createPipeline(parseConfig({}), createRenderer(await compileTemplates('templates')));
    ses = await startSes();
  });
  afterAll(() => ses.stop());
  beforeEach(() => ses.clear());

  it('sends the email of a good event and logs ids and severity, not addresses or bodies', async () => {
    // Prepare
    const transport = createMemoryTransport();
    const { log, entries } = recordingLog();

    // Act
    const result = await createNotifier({ pipeline, transport, log }).notify(SEED, 'message-1');

    // Assess
    expect(result).toEqual({ sent: 1 });
    expect(transport.sent[0]?.subject).toContain('3.4 Ensure a log metric filter');
    expect(entries).toEqual([
      {
        level: 'info',
        message: 'email sent',
        attributes: {
          input: 'message-1',
          transport: 'memory',
          eventId: SEED.id,
          kind: 'finding',
          findingId: SEED.detail.findings[0].Id,
          severity: 'MEDIUM',
        },
      },
    ]);
  });

  it('reports an input that is not JSON, and a wrong source, as invalid events naming path and reason', async () => {
    // Prepare
    const transport = createMemoryTransport();
    const { log, entries } = recordingLog();
    const notifier = createNotifier({ pipeline, transport, log });

    // Act
    const notJson = await notifier.notify(new SyntaxError('Unexpected token'), 'message-2');
    const wrongSource = await notifier.notify({ ...SEED, source: 'aws.guardduty' }, 'message-3');

    // Assess
    expect(notJson.failure).toMatchObject({ name: 'InvalidEventError', input: 'message-2' });
    expect(wrongSource.failure).toMatchObject({ name: 'InvalidEventError', input: 'message-3', path: 'source' });
    expect(transport.sent).toHaveLength(0);
    expect(entries.map((e) => [e.level, e.message, e.attributes.input])).toEqual([
      ['error', 'invalid event', 'message-2'],
      ['error', 'invalid event', 'message-3'],
    ]);
    expect(entries[0]?.attributes.reason).toMatch(/not JSON/);
    expect(entries[1]?.attributes.reason).toMatch(/aws\.guardduty/);
  });

  it('logs a skipped finding with its reason and fails nothing', async () => {
    // Prepare
    const strict = createPipeline(
      parseConfig({ filters: { severities: ['CRITICAL'] } }),
      createRenderer(await compileTemplates('templates')),
    );
    const { log, entries } = recordingLog();

    // Act
    const result = await createNotifier({ pipeline: strict, transport: createMemoryTransport(), log }).notify(SEED, 'message-4');

    // Assess
    expect(result).toEqual({ sent: 0 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 'info', message: 'finding skipped', attributes: { findingId: SEED.detail.findings[0].Id } });
    expect(String(entries[0]?.attributes.reason)).toMatch(/MEDIUM/);
  });

  it('sends through the local SES, and reports an unreachable SES as a transient failure without addresses', async () => {
    // Prepare
    const client = new SESv2Client({ endpoint: ses.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
    const transport = createSesTransport({ client, from: 'notifier@example.com', to: ['soc@example.com'] });
    const gone = await startSes();
    await gone.stop();
    const offline = new SESv2Client({ endpoint: gone.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
    const { log, entries } = recordingLog();

    // Act
    const delivered = await createNotifier({ pipeline, transport, log }).notify(SEED, 'message-5');
    const transportDown = createSesTransport({ client: offline, from: 'notifier@example.com', to: ['soc@example.com'] });
    const failed = await createNotifier({ pipeline, transport: transportDown, log }).notify(SEED, 'message-6');

    // Assess
    expect(delivered).toEqual({ sent: 1 });
    expect((await ses.emails()).map((e) => e.subject)).toEqual([expect.stringContaining('[MEDIUM]')]);
    expect(failed).toMatchObject({ sent: 0, failure: { name: 'DeliveryError', transport: 'ses', transient: true } });
    const failure = entries.find((e) => e.message === 'delivery failed');
    expect(failure?.attributes).toMatchObject({ input: 'message-6', transient: true, findingId: SEED.detail.findings[0].Id });
    expect(JSON.stringify(entries)).not.toContain('soc@example.com');
    client.destroy();
    offline.destroy();
  });
});
