import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/core/errors.js';
import { DEPLOY_DEFAULTS } from '../../infra/lib/defaults.js';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { loadDeployConfig } from '../../infra/lib/load-deploy-config.js';

const ses = { transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] } };

describe('parseDeployConfig', () => {
  it.each(['infra/notifier.config.json', 'infra/stackset.config.json'])('accepts the example %s', (path) => {
    const config = loadDeployConfig(path);

    expect(config.notifiers.length).toBeGreaterThan(0);
  });

  it('fills the sizing defaults from the one module of deploy defaults', () => {
    const [notifier] = parseDeployConfig({ notifiers: [{ id: 'Mail', notifier: ses }] }).notifiers;

    expect(notifier?.queue).toEqual(DEPLOY_DEFAULTS.queue);
    expect(notifier?.function).toEqual(DEPLOY_DEFAULTS.function);
    expect(notifier?.alarms).toEqual(DEPLOY_DEFAULTS.alarms);
    // The benchmark and the limits chose these; a change here is a change to what people deploy.
    expect(notifier?.queue).toEqual({ batchSize: 10, maxBatchingWindowSeconds: 5, maxReceiveCount: 5, maxConcurrency: 2 });
    expect(notifier?.function).toMatchObject({ memorySize: 256, timeoutSeconds: 60, logRetentionDays: 90 });
  });

  it('lets the stack create the SNS topic: it refuses a topicArn in the notifier', () => {
    const parse = () =>
      parseDeployConfig({
        notifiers: [{ id: 'Topic', notifier: { transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:t' } } }],
      });

    expect(parse).toThrow(expect.objectContaining({ name: 'ConfigError', setting: 'deploy.notifiers[0].notifier.sns' }));
  });

  it('refuses the file transport, which cannot be deployed', () => {
    expect(() => parseDeployConfig({ notifiers: [{ id: 'Out', notifier: { transport: 'file' } }] })).toThrow(
      expect.objectContaining({ setting: 'deploy.notifiers[0].notifier.transport' }),
    );
  });

  it('names the wrong setting inside the notifier configuration', () => {
    expect(() => parseDeployConfig({ notifiers: [{ id: 'Mail', notifier: { ...ses, locale: 'fr' } }] })).toThrow(
      expect.objectContaining({ setting: 'deploy.notifiers[0].notifier.locale' }),
    );
  });

  it.each([
    ['a maximum concurrency below 2', { queue: { maxConcurrency: 1 } }, 'deploy.notifiers[0].queue.maxConcurrency'],
    ['a batch larger than 10', { queue: { batchSize: 11 } }, 'deploy.notifiers[0].queue.batchSize'],
    ['a log retention CloudWatch does not offer', { function: { logRetentionDays: 10 } }, 'deploy.notifiers[0].function.logRetentionDays'],
  ])('refuses %s', (_what, extra, setting) => {
    expect(() => parseDeployConfig({ notifiers: [{ id: 'Mail', notifier: ses, ...extra }] })).toThrow(ConfigError);
    expect(() => parseDeployConfig({ notifiers: [{ id: 'Mail', notifier: ses, ...extra }] })).toThrow(expect.objectContaining({ setting }));
  });

  it('says what is wrong, in words, after the setting', () => {
    expect(() => parseDeployConfig({ notifiers: [{ id: 'Mail', notifier: ses, queue: { batchSize: 11 } }] })).toThrow(
      'deploy.notifiers[0].queue.batchSize: too big: at most 10',
    );
    expect(() => parseDeployConfig({ notifiers: [{ id: 'Mail', notifier: { transport: 'ses' } }] })).toThrow(
      'deploy.notifiers[0].notifier.ses: required when transport is "ses"',
    );
    expect(() => parseDeployConfig({ notifiers: [{ id: 'Mail', notifier: { transport: 'file' } }] })).toThrow(
      'deploy.notifiers[0].notifier.transport: "file" is the replay\'s outbox; a deployed notifier sends with "ses" or "sns"',
    );
  });

  it('refuses two notifiers with one id', () => {
    const twice = {
      notifiers: [
        { id: 'Mail', notifier: ses },
        { id: 'Mail', notifier: ses },
      ],
    };

    expect(() => parseDeployConfig(twice)).toThrow(expect.objectContaining({ setting: 'deploy.notifiers[1].id' }));
  });

  it('needs organizational units for a service-managed StackSet and accounts for a self-managed one', () => {
    const base = { notifiers: [{ id: 'Mail', notifier: ses }] };

    expect(() => parseDeployConfig({ ...base, stackSet: { regions: ['us-east-1'] } })).toThrow(
      expect.objectContaining({ setting: 'deploy.stackSet.organizationalUnitIds' }),
    );
    expect(() => parseDeployConfig({ ...base, stackSet: { regions: ['us-east-1'], permissionModel: 'SELF_MANAGED' } })).toThrow(
      expect.objectContaining({ setting: 'deploy.stackSet.accounts' }),
    );
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadDeployConfig('infra/missing.config.json')).toThrow(expect.objectContaining({ setting: 'infra/missing.config.json' }));
  });
});
