import { describe, expect, it } from 'vitest';
import { createTransport } from '../../../functions/adapters/create-transport.js';
import { readLambdaConfig } from '../../../functions/adapters/lambda-config.js';
import { parseConfig } from '../../../functions/core/config.js';

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

  it.each([
    [{}, 'NOTIFIER_CONFIG', /is not set/],
    [{ NOTIFIER_CONFIG: '{"transport":' }, 'NOTIFIER_CONFIG', /is not valid JSON/],
    [{ NOTIFIER_CONFIG: '{"transport":"sns"}' }, 'NOTIFIER_CONFIG.sns', /required/],
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
  it('builds the transport the configuration names, and refuses the replay-only file outbox', async () => {
    const sns = parseConfig({ transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' } });
    const ses = parseConfig({ transport: 'ses', ses: { from: 'n@example.com', to: ['s@example.com'] } });
    expect([(await createTransport(sns)).name, (await createTransport(ses)).name]).toEqual(['sns', 'ses']);
    await expect(createTransport(parseConfig({}), 'NOTIFIER_CONFIG')).rejects.toMatchObject({
      name: 'ConfigError',
      setting: 'NOTIFIER_CONFIG.transport',
    });
  });

  it('refuses SES without a recipient, naming the setting under its source', async () => {
    const config = parseConfig({ transport: 'ses', ses: { from: 'n@example.com', to: [] } });
    await expect(createTransport(config, 'NOTIFIER_CONFIG')).rejects.toMatchObject({
      name: 'ConfigError',
      setting: 'NOTIFIER_CONFIG.ses.to',
    });
  });
});
