import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../functions/core/config.js';
import { ConfigError } from '../../../functions/core/errors.js';
import { thrown } from '../../support/thrown.js';

function errorOf(raw: unknown): ConfigError {
  return thrown(ConfigError, () => parseConfig(raw));
}

describe('config.policy', () => {
  it('fills in the defaults when absent', () => {
    expect(parseConfig({}).policy).toEqual({
      dedup: { enabled: true, repeatAfterHours: 0, notifyOnResolution: false, stateTtlDays: 90 },
      digest: { groupBy: ['accountId', 'severity'], threshold: 5 },
      window: { groupWaitSeconds: 30, severityWaitSeconds: {}, groupIntervalSeconds: 300 },
      routes: [],
      silences: [],
      rate: {},
    });
  });

  it('accepts a full policy', () => {
    const policy = parseConfig({
      policy: {
        routes: [
          {
            name: 'payments',
            match: { accounts: ['111122223333'], minSeverity: 'HIGH', resourceTags: { owner: ['payments', 'billing'] } },
            ses: { to: ['pay@example.com'] },
            locale: 'ja',
          },
          { name: 'prod', match: { regions: ['eu-west-1'] }, snsTopicArn: 'arn:aws:sns:eu-west-1:111122223333:prod-alerts' },
        ],
        silences: [{ match: { controls: ['S3.1'] }, reason: 'accepted risk, JIRA-1', expiresAt: '2026-03-31T09:00:00+09:00' }],
        rate: { perSecond: 14 },
      },
    }).policy;
    expect(policy.routes[0]?.ses?.cc).toEqual([]);
    expect(policy.silences[0]?.expiresAt).toBe('2026-03-31T09:00:00+09:00');
  });

  it.each([
    [{ silences: [{ match: {}, reason: ' ', expiresAt: '2026-01-01' }] }, 'config.policy.silences[0].reason'],
    [{ silences: [{ match: {}, expiresAt: '2026-01-01' }] }, 'config.policy.silences[0].reason'],
    [{ silences: [{ match: {}, reason: 'known', expiresAt: '2026-02-30' }] }, 'config.policy.silences[0].expiresAt'],
    [{ silences: [{ match: {}, reason: 'known', expiresAt: 'next week' }] }, 'config.policy.silences[0].expiresAt'],
    [{ silences: [{ match: {}, reason: 'known', expiresAt: '2026-01-01T00:00:00' }] }, 'config.policy.silences[0].expiresAt'],
    [{ routes: [{ name: 'x', match: {}, ses: { to: ['not-an-email'] } }] }, 'config.policy.routes[0].ses.to[0]'],
    [{ routes: [{ name: 'x', match: {}, snsTopicArn: 'arn:aws:sqs:us-east-1:111122223333:q' }] }, 'config.policy.routes[0].snsTopicArn'],
    [{ routes: [{ name: 'x', match: { severity: 'HIGH' } }] }, 'config.policy.routes[0].match'],
    [{ digest: { threshold: 0 } }, 'config.policy.digest.threshold'],
    [{ digest: { groupBy: ['owner'] } }, 'config.policy.digest.groupBy[0]'],
  ])('names the wrong setting %#', (policy, setting) => {
    expect(errorOf({ policy }).setting).toBe(setting);
  });
});
