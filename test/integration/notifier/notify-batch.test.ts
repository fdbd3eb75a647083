import { readFileSync } from 'node:fs';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryTransport } from '../../../functions/adapters/memory-transport.js';
import { createSesTransport } from '../../../functions/adapters/ses-transport.js';
import { compileTemplates } from '../../../functions/build/compile-templates.js';
import { parseConfig } from '../../../functions/core/config.js';
import { createPipeline, type Pipeline } from '../../../functions/core/pipeline/pipeline.js';
import { createRenderer } from '../../../functions/core/render/create-renderer.js';
import { type BatchReport, createNotifier, type Log } from '../../../functions/notifier/notify-batch.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION, type SesStandIn, startSes } from '../../support/stand-ins.js';

const SEED = JSON.parse(readFileSync(new URL('../../../fixtures/seed/cis-3.4-imported-event.json', import.meta.url), 'utf8'));

/** A Log that keeps every entry, to read back what was logged. */
function recordingLog() {
  const entries: { level: string; message: string; attributes: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, attributes: Record<string, unknown>) => entries.push({ level, message, attributes });
  const log: Log = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, entries };
}

const NOW = new Date('2025-06-01T00:00:00Z');
const FAST = { perSecond: Number.POSITIVE_INFINITY, now: () => NOW };
const one = (json: unknown, input: string) => [{ input, json }];
const firstFailure = (report: BatchReport) => report.reads.flatMap((r) => r.errors)[0] ?? report.deliveries.find((d) => d.error)?.error;

describe('createNotifier: a window of one input through pipeline and transport (no state store)', () => {
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
    const result = await createNotifier({ pipeline, transport, log, ...FAST }).notify(one(SEED, 'message-1'));

    // Assess
    expect(result.counts).toMatchObject({ received: 1, sent: 1, mailed: 1, failed: 0 });
    expect(result.failedInputs.size).toBe(0);
    expect(transport.sent[0]?.subject).toContain('3.4 Ensure a log metric filter');
    expect(entries.map((e) => e.message)).toEqual(['email sent', 'batch done']);
    expect(entries[0]).toEqual({
      level: 'info',
      message: 'email sent',
      attributes: {
        input: 'message-1',
        transport: 'memory',
        eventId: SEED.id,
        kind: 'finding',
        route: 'default',
        findingId: SEED.detail.findings[0].Id,
        severity: 'MEDIUM',
        reason: 'new: first time seen',
      },
    });
    expect(entries[1]?.attributes).toMatchObject({ records: 1, failedRecords: 0, received: 1, sent: 1 });
  });

  it('reports an input that is not JSON, and a wrong source, as invalid events naming path and reason', async () => {
    // Prepare
    const transport = createMemoryTransport();
    const { log, entries } = recordingLog();
    const notifier = createNotifier({ pipeline, transport, log, ...FAST });

    // Act
    const report = await notifier.notify([
      { input: 'message-2', json: new SyntaxError('Unexpected token') },
      { input: 'message-3', json: { ...SEED, source: 'aws.guardduty' } },
    ]);

    // Assess
    const [notJson, wrongSource] = report.reads.map((r) => r.errors[0]);
    expect(notJson).toMatchObject({ name: 'InvalidEventError', input: 'message-2' });
    expect(wrongSource).toMatchObject({ name: 'InvalidEventError', input: 'message-3', path: 'source' });
    expect([...report.failedInputs]).toEqual(['message-2', 'message-3']);
    expect(report.counts.failed).toBe(2);
    expect(transport.sent).toHaveLength(0);
    expect(entries.filter((e) => e.level === 'error').map((e) => [e.message, e.attributes.input])).toEqual([
      ['invalid event', 'message-2'],
      ['invalid event', 'message-3'],
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
    const result = await createNotifier({ pipeline: strict, transport: createMemoryTransport(), log, ...FAST }).notify(
      one(SEED, 'message-4'),
    );

    // Assess
    expect(result.counts).toMatchObject({ received: 1, sent: 0, filtered: 1, failed: 0 });
    expect(result.failedInputs.size).toBe(0);
    expect(entries.map((e) => e.message)).toEqual(['finding skipped', 'batch done']);
    expect(entries[0]).toMatchObject({
      level: 'info',
      message: 'finding skipped',
      attributes: { findingId: SEED.detail.findings[0].Id, kind: 'filtered' },
    });
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
    const delivered = await createNotifier({ pipeline, transport, log, ...FAST }).notify(one(SEED, 'message-5'));
    const transportDown = createSesTransport({ client: offline, from: 'notifier@example.com', to: ['soc@example.com'] });
    const failed = await createNotifier({ pipeline, transport: transportDown, log, ...FAST }).notify(one(SEED, 'message-6'));

    // Assess
    expect(delivered.counts.sent).toBe(1);
    expect((await ses.emails()).map((e) => e.subject)).toEqual([expect.stringContaining('[MEDIUM]')]);
    expect(failed.counts).toMatchObject({ sent: 0, failed: 1 });
    expect([...failed.failedInputs]).toEqual(['message-6']);
    expect(firstFailure(failed)).toMatchObject({ name: 'DeliveryError', transport: 'ses', transient: true });
    const failure = entries.find((e) => e.message === 'delivery failed');
    expect(failure?.attributes).toMatchObject({ input: 'message-6', transient: true, findingId: SEED.detail.findings[0].Id });
    expect(JSON.stringify(entries)).not.toContain('soc@example.com');
    client.destroy();
    offline.destroy();
  });
});
