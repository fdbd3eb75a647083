/**
 * A render failure (a renderer bug, not bad input) fails the input on both entry paths: SQS reports
 * the record, a direct EventBridge event throws, as every other failure does.
 */
import { readFileSync } from 'node:fs';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sqsRecord } from '../../support/sqs.js';

const SEED_TEXT = readFileSync(new URL('../../../fixtures/seed/cis-3.4-imported-event.json', import.meta.url), 'utf8');
const CONFIG = { transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' } };
const RENDER_BUG = new TypeError('renderer bug');

vi.mock('../../../functions/core/render/prebuilt-alert.js', () => ({
  alertRenderer: {
    render() {
      throw RENDER_BUG;
    },
  },
}));

/** A fresh handler (it wires at module scope) with no AWS call possible: rendering fails first. */
async function importHandler(): Promise<typeof import('../../../functions/handler.js').handler> {
  vi.stubEnv('NOTIFIER_CONFIG', JSON.stringify(CONFIG));
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.resetModules();
  return (await import('../../../functions/handler.js')).handler;
}

describe('handler: an email that cannot be rendered', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('throws for a direct EventBridge event, so EventBridge retries it and then dead-letters it', async () => {
    // Prepare
    const handler = await importHandler();

    // Act
    const outcome = await handler(JSON.parse(SEED_TEXT)).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    // Assess
    expect(outcome).toEqual({ error: RENDER_BUG });
  });

  it('reports the SQS record that carried it', async () => {
    // Prepare
    const handler = await importHandler();
    const event: SQSEvent = { Records: [sqsRecord('m-1', SEED_TEXT)] };

    // Act
    const response = await handler(event);

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
  });
});
