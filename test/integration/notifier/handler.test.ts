import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFixtureText } from '../../support/fixtures.js';
import { type Handler, importHandler, useLocalLambda } from '../../support/lambda.js';
import { sqsRecord } from '../../support/sqs.js';
import { type SesStandIn, startSes } from '../../support/stand-ins.js';

const SEED_TEXT = readFixtureText('fixtures/seed/cis-3.4-imported-event.json');
const SEED = JSON.parse(SEED_TEXT);
const CONFIG = { transport: 'ses', ses: { from: 'notifier@example.com', to: ['soc@example.com'] } };

/** The handler as a cold start with this NOTIFIER_CONFIG loads it. */
function load(config: string): Promise<Handler> {
  vi.stubEnv('NOTIFIER_CONFIG', config);
  return importHandler();
}

describe('Lambda handler end to end against the local SES', () => {
  let ses: SesStandIn;

  beforeAll(async () => {
    ses = await startSes();
  });
  afterAll(() => ses.stop());
  beforeEach(() => ses.clear());
  const output = useLocalLambda(() => ({ AWS_ENDPOINT_URL_SESV2: ses.endpoint }));

  it('mails the good record and returns the unreadable ones as batch item failures, logging why', async () => {
    // Prepare
    const handler = await load(JSON.stringify(CONFIG));
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

    const logs = output.lines();
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
    const handler = await load(JSON.stringify(CONFIG));

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
    const error = await load('{"transport": ses').catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ name: 'ConfigError', setting: 'NOTIFIER_CONFIG' });
    const [line, ...more] = output.lines();
    expect(more).toHaveLength(0);
    expect(line).toMatchObject({ level: 'ERROR', setting: 'NOTIFIER_CONFIG' });
    expect(String(line?.message)).toMatch(/^configuration error: NOTIFIER_CONFIG: is not valid JSON/);
  });

  it('names the wrong setting inside NOTIFIER_CONFIG', async () => {
    // Act
    const error = await load(JSON.stringify({ transport: 'ses', ses: { from: 'not an address', to: [] } })).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ name: 'ConfigError', setting: 'NOTIFIER_CONFIG.ses.from' });
  });
});
