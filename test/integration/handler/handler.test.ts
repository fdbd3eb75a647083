import { readFileSync } from 'node:fs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { jsonLines, sqsRecord } from '../../support/sqs.js';
import { type SesStandIn, startSes } from '../../support/stand-ins.js';
import { stubLocalAws } from './local-aws-env.js';

const SEED_TEXT = readFileSync(new URL('../../../fixtures/seed/cis-3.4-imported-event.json', import.meta.url), 'utf8');
const SEED = JSON.parse(SEED_TEXT);
const CONFIG = { transport: 'ses', ses: { from: 'notifier@example.com', to: ['soc@example.com'] } };

type Handler = typeof import('../../../functions/handler.js').handler;

/** The handler builds its clients at module scope: set the environment, then import it afresh. */
async function importHandler(config: string): Promise<Handler> {
  vi.stubEnv('NOTIFIER_CONFIG', config);
  vi.resetModules();
  return (await import('../../../functions/handler.js')).handler;
}

/** The JSON log lines the function wrote through the spied streams. */
function logLines(...spies: MockInstance[]): Record<string, unknown>[] {
  return jsonLines(spies.flatMap((spy) => spy.mock.calls.map((call) => call[0])));
}

describe('Lambda handler end to end against the local SES', () => {
  let ses: SesStandIn;
  let stdout: MockInstance;
  let stderr: MockInstance;

  beforeAll(async () => {
    ses = await startSes();
  });
  afterAll(() => ses.stop());
  beforeEach(async () => {
    await ses.clear();
    stubLocalAws({ AWS_ENDPOINT_URL_SESV2: ses.endpoint });
    stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('mails the good record and returns the unreadable ones as batch item failures, logging why', async () => {
    // Prepare
    const handler = await importHandler(JSON.stringify(CONFIG));
    const event: SQSEvent = {
      Records: [
        sqsRecord('bad-json', '{"detail-type": '),
        sqsRecord('good', SEED_TEXT),
        sqsRecord('wrong-source', JSON.stringify({ ...SEED, source: 'aws.guardduty' })),
      ],
    };

    // Act
    const response = await handler(event);

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad-json' }, { itemIdentifier: 'wrong-source' }] });
    const [mail, ...others] = await ses.emails();
    expect(others).toHaveLength(0);
    expect(mail?.subject).toContain(SEED.detail.findings[0].Title);
    expect(mail?.subject).toContain('MEDIUM');
    expect(mail?.destination.to).toEqual(['soc@example.com']);

    const logs = logLines(stdout, stderr);
    expect(logs.find((l) => l.message === 'email sent')).toMatchObject({
      level: 'INFO',
      input: 'good',
      eventId: SEED.id,
      findingId: SEED.detail.findings[0].Id,
      severity: 'MEDIUM',
    });
    const invalid = logs.filter((l) => l.message === 'invalid event');
    expect(invalid.map((l) => [l.level, l.input])).toEqual([
      ['ERROR', 'bad-json'],
      ['ERROR', 'wrong-source'],
    ]);
    expect(invalid[0]?.reason).toMatch(/not JSON/);
    expect(invalid[1]).toMatchObject({ path: 'source' });
    expect(invalid[1]?.reason).toMatch(/aws\.guardduty/);
    expect(JSON.stringify(logs)).not.toContain('soc@example.com');
  });

  it('accepts a direct EventBridge event and throws when it cannot be read', async () => {
    // Prepare
    const handler = await importHandler(JSON.stringify(CONFIG));

    // Act
    const delivered = await handler(SEED);
    const refused = await handler({ ...SEED, source: 'aws.guardduty' }).catch((e: unknown) => e);

    // Assess
    expect(delivered).toBeUndefined();
    expect(await ses.emails()).toHaveLength(1);
    expect(refused).toMatchObject({ name: 'InvalidEventError', input: SEED.id, path: 'source' });
  });

  it('fails the cold start with one log line naming NOTIFIER_CONFIG when it is not JSON', async () => {
    // Act
    const error = await importHandler('{"transport": ses').catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ name: 'ConfigError', setting: 'NOTIFIER_CONFIG' });
    const [line, ...more] = logLines(stdout, stderr);
    expect(more).toHaveLength(0);
    expect(line).toMatchObject({ level: 'ERROR', setting: 'NOTIFIER_CONFIG' });
    expect(String(line?.message)).toMatch(/^configuration error: NOTIFIER_CONFIG: is not valid JSON/);
  });

  it('names the wrong setting inside NOTIFIER_CONFIG', async () => {
    // Act
    const error = await importHandler(JSON.stringify({ transport: 'ses', ses: { from: 'not an address', to: [] } })).catch(
      (e: unknown) => e,
    );

    // Assess
    expect(error).toMatchObject({ name: 'ConfigError', setting: 'NOTIFIER_CONFIG.ses.from' });
  });
});
