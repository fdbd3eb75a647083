import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTransport } from '../../../functions/adapters/create-transport.js';
import { readLambdaConfig } from '../../../functions/adapters/lambda-config.js';
import { parseConfig, sendingConfig } from '../../../functions/core/config.js';

describe('readLambdaConfig', () => {
  it('parses NOTIFIER_CONFIG and fills the defaults', () => {
    const config = readLambdaConfig({
      NOTIFIER_CONFIG: JSON.stringify({ transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' } }),
    });
    expect(config).toMatchObject({
      transport: 'sns',
      locale: 'en',
      timeZone: 'UTC',
      sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' },
    });
  });

  describe('from the file shipped with the code', () => {
    const root = mkdtempSync(join(tmpdir(), 'lambda-config-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(join(root, 'notifier.config.json'), JSON.stringify({ transport: 'sns', locale: 'ja' }));
    writeFileSync(join(root, 'broken.json'), '{"transport":');

    it('reads NOTIFIER_CONFIG_FILE under LAMBDA_TASK_ROOT and lays the deploy-time table and topic over it', () => {
      const config = readLambdaConfig({
        LAMBDA_TASK_ROOT: root,
        NOTIFIER_CONFIG_FILE: 'notifier.config.json',
        NOTIFIER_STATE_TABLE: 'Notifier-StateTable-1',
        NOTIFIER_TOPIC_ARN: 'arn:aws:sns:eu-west-1:111122223333:Delivery',
      });
      expect(config).toMatchObject({
        transport: 'sns',
        locale: 'ja',
        stateTable: 'Notifier-StateTable-1',
        sns: { topicArn: 'arn:aws:sns:eu-west-1:111122223333:Delivery' },
      });
    });

    it.each([
      [{ NOTIFIER_CONFIG_FILE: join(root, 'missing.json') }, 'NOTIFIER_CONFIG_FILE', /cannot read .*missing\.json/],
      [{ NOTIFIER_CONFIG_FILE: join(root, 'broken.json') }, join(root, 'broken.json'), /is not valid JSON/],
      [
        { LAMBDA_TASK_ROOT: root, NOTIFIER_CONFIG_FILE: 'notifier.config.json' },
        'notifier.config.json.sns',
        /required when transport is "sns"/,
      ],
    ])('rejects %j naming %s', (env, setting, message) => {
      expect(() => readLambdaConfig(env)).toThrow(
        expect.objectContaining({ name: 'ConfigError', setting, message: expect.stringMatching(message) }),
      );
    });
  });

  it.each([
    [{}, 'NOTIFIER_CONFIG', /is not set/],
    [{ NOTIFIER_CONFIG: '{"transport":' }, 'NOTIFIER_CONFIG', /is not valid JSON/],
    [{ NOTIFIER_CONFIG: '{"transport":"sns"}' }, 'NOTIFIER_CONFIG.sns', /required when transport is "sns"/],
    [{ NOTIFIER_CONFIG: '{"transport":"ses"}' }, 'NOTIFIER_CONFIG.ses', /required when transport is "ses"/],
    [{ NOTIFIER_CONFIG: '{"transport":"ses","ses":{"from":"n@example.com","to":[]}}' }, 'NOTIFIER_CONFIG.ses.to', /at least one recipient/],
    [{ NOTIFIER_CONFIG: '{}' }, 'NOTIFIER_CONFIG.transport', /"file" is the replay's outbox/],
    [{ NOTIFIER_CONFIG: '{"locale":"fr"}' }, 'NOTIFIER_CONFIG.locale', /./],
  ])('rejects %j naming %s', (env, setting, message) => {
    let error: unknown;
    try {
      readLambdaConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'ConfigError', setting, message: expect.stringMatching(message) });
  });
});

describe('createTransport', () => {
  it('builds the transport the configuration names', async () => {
    const sns = sendingConfig(parseConfig({ transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' } }));
    const ses = sendingConfig(parseConfig({ transport: 'ses', ses: { from: 'n@example.com', to: ['s@example.com'] } }));
    expect([(await createTransport(sns)).name, (await createTransport(ses)).name]).toEqual(['sns', 'ses']);
  });
});
