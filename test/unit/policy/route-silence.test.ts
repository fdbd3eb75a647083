import { describe, expect, it } from 'vitest';
import { FALLBACK_ROUTE, routeFinding } from '../../../functions/core/policy/route.js';
import { activeSilence, isActive } from '../../../functions/core/policy/silence.js';
import { aContext, aFinding } from './builder.js';

const { policy } = aContext({
  policy: {
    routes: [
      { name: 'payments', match: { resourceTags: { owner: 'payments' } }, ses: { to: ['pay@example.com'] }, locale: 'ja' },
      { name: 'critical', match: { minSeverity: 'CRITICAL' }, snsTopicArn: 'arn:aws:sns:us-east-1:111122223333:critical' },
      { name: 'also-payments', match: { resourceTags: { owner: 'payments' } }, ses: { to: ['other@example.com'] } },
    ],
    silences: [
      { match: { controls: ['S3.1'] }, reason: 'accepted risk, JIRA-1', expiresAt: '2025-06-01T12:00:00Z' },
      { match: { controls: ['IAM.1'] }, reason: 'rolling out MFA', expiresAt: '2025-07-01' },
    ],
  },
});

const payments = aFinding({
  severity: 'CRITICAL',
  resources: [{ type: 'AwsS3Bucket', id: 'b', tags: { owner: 'payments' }, details: [] }],
});

describe('routeFinding', () => {
  it('takes the first matching route, not a later one or a more specific one', () => {
    expect(routeFinding(payments, policy.routes).name).toBe('payments');
  });

  it('falls through to a later route', () => {
    expect(routeFinding(aFinding({ severity: 'CRITICAL' }), policy.routes).name).toBe('critical');
  });

  it('falls back to the default route, which carries no recipients of its own', () => {
    const route = routeFinding(aFinding({ severity: 'LOW' }), policy.routes);
    expect(route).toBe(FALLBACK_ROUTE);
    expect(route.ses).toBeUndefined();
    expect(route.snsTopicArn).toBeUndefined();
  });
});

describe('silences', () => {
  it('silence up to, and not at, its expiry instant', () => {
    const [s3] = policy.silences;
    if (!s3) throw new Error('fixture');
    expect(isActive(s3, new Date('2025-06-01T11:59:59.999Z'))).toBe(true);
    expect(isActive(s3, new Date('2025-06-01T12:00:00.000Z'))).toBe(false);
  });

  it('returns the matching active silence with its reason', () => {
    const found = activeSilence(aFinding({ controlId: 'IAM.1' }), policy.silences, new Date('2025-06-15T00:00:00Z'));
    expect(found?.reason).toBe('rolling out MFA');
  });

  it('stops silencing by itself once expired', () => {
    expect(activeSilence(aFinding({ controlId: 'S3.1' }), policy.silences, new Date('2025-06-02T00:00:00Z'))).toBeUndefined();
    expect(activeSilence(aFinding({ controlId: 'IAM.1' }), policy.silences, new Date('2025-07-01T00:00:00Z'))).toBeUndefined();
  });

  it('ignores findings the matcher does not cover', () => {
    expect(activeSilence(aFinding({ controlId: 'EC2.2' }), policy.silences, new Date('2025-01-01T00:00:00Z'))).toBeUndefined();
  });
});
