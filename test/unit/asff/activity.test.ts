/** What happened in ASFF: the `Action` objects and GuardDuty's flattened `ProductFields`, of every era. */
import { describe, expect, it } from 'vitest';
import { asffActivity } from '../../../functions/core/asff/activity.js';
import type { AsffFinding } from '../../../functions/core/asff/schema.js';

const GUARDDUTY = 'arn:aws:securityhub:us-east-1::product/aws/guardduty';

function finding(fields: Partial<AsffFinding>): AsffFinding {
  return { Id: 'f', ProductArn: GUARDDUTY, ...fields } as AsffFinding;
}

describe('asffActivity', () => {
  it('reads a port probe flattened into ProductFields (list entries as `.N_`)', () => {
    const facts = asffActivity(
      finding({
        ProductFields: {
          'aws/guardduty/service/action/actionType': 'PORT_PROBE',
          'aws/guardduty/service/action/portProbeAction/portProbeDetails.0_/localPortDetails/port': '22',
          'aws/guardduty/service/action/portProbeAction/portProbeDetails.0_/localPortDetails/portName': 'SSH',
          'aws/guardduty/service/action/portProbeAction/portProbeDetails.0_/remoteIpDetails/ipAddressV4': '203.0.113.9',
          'aws/guardduty/service/action/portProbeAction/portProbeDetails.0_/remoteIpDetails/country/countryName': 'Brazil',
          'aws/guardduty/service/action/portProbeAction/blocked': 'false',
          'aws/guardduty/service/count': '5',
        },
      }),
    );
    expect(facts).toEqual([
      { kind: 'action', value: 'PORT_PROBE' },
      { kind: 'remote', value: '203.0.113.9 (Brazil)' },
      { kind: 'local', value: 'port 22 (SSH)' },
      { kind: 'blocked', value: 'false' },
      { kind: 'count', value: '5' },
    ]);
  });

  it('reads 2019 GuardDuty keys without the prefix, but only from GuardDuty', () => {
    const fields = { 'action/actionType': 'AWS_API_CALL', 'action/awsApiCallAction/api': 'ListBuckets', count: '3' };
    expect(asffActivity(finding({ ProductFields: fields }))).toEqual([
      { kind: 'action', value: 'AWS_API_CALL' },
      { kind: 'api', value: 'ListBuckets' },
      { kind: 'count', value: '3' },
    ]);
    expect(asffActivity(finding({ ProductArn: 'arn:aws:securityhub:us-east-1::product/acme/scanner', ProductFields: fields }))).toEqual([]);
  });

  it('prefers the top-level Action and leaves out what is not a value (objects, blanks, prototype keys)', () => {
    const facts = asffActivity(
      finding({
        Action: { ActionType: 'DNS_REQUEST', DnsRequestAction: { Domain: { nested: true }, Protocol: '' } },
        ProductFields: { 'aws/guardduty/service/action/actionType': 'NETWORK_CONNECTION', 'aws/guardduty/service/__proto__/x': 'y' },
      }),
    );
    expect(facts).toEqual([{ kind: 'action', value: 'DNS_REQUEST' }]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('says nothing for a finding without any of it', () => {
    expect(
      asffActivity(finding({ ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/securityhub', ProductFields: { ControlId: 'S3.1' } })),
    ).toEqual([]);
  });

  it('bounds the facts: at most 16, each one line of at most 300 characters', () => {
    const facts = asffActivity(
      finding({
        Process: { Name: `a\n${'x'.repeat(1000)}` },
        ThreatIntelIndicators: Array.from({ length: 50 }, (_, i) => ({ Type: 'DOMAIN', Value: `d${i}.example` })),
        Threats: Array.from({ length: 50 }, (_, i) => ({ Name: `t${i}` })),
      }),
    );
    expect(facts.length).toBeLessThanOrEqual(16);
    expect(facts.filter((f) => f.kind === 'indicator')).toHaveLength(3);
    for (const fact of facts) expect([fact.value.includes('\n'), Array.from(fact.value).length <= 300]).toEqual([false, true]);
  });
});
