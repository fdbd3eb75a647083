/**
 * "What happened" (issue class 1): GuardDuty's action, network, process and threat facts, from ASFF
 * `Action`/`Network`/`Process`/`Threats`/`Malware`/`ThreatIntelIndicators`, from the same facts
 * flattened into `ProductFields`, and from OCSF evidences, read from the HTML and the text body.
 */
import { describe, expect, it } from 'vitest';
import { ocsfActivity } from '../../../functions/core/ocsf/activity.js';
import { EN, JA } from './compiled.js';
import { emailOf, emailsOf, section, textSection } from './fixture-emails.js';

const CASES = [
  {
    fixture: 'fixtures/facts/guardduty-port-probe-action-account-name-bare.json',
    facts: [
      'Action: Port probe',
      'Remote end: 203.0.113.77 (Example Hosting, AS64500, Amsterdam, Netherlands)',
      'Local end: 10.20.30.40, port 3389 (RDP)',
      'Blocked: No',
      'Times seen: 12',
    ],
  },
  {
    fixture: 'fixtures/facts/guardduty-dns-request-flattened-product-fields-bare.json',
    facts: ['Action: DNS request', 'Domain: pool.minexmr.example (UDP)', 'Times seen: 31', 'First seen: 2025-11-02 08:10 (UTC)'],
  },
  {
    fixture: 'fixtures/facts/guardduty-api-call-action-event.json',
    facts: [
      'Action: AWS API call',
      'API call: DeleteTrail (cloudtrail.amazonaws.com)',
      'Caller: Remote IP: 198.51.100.23 (TOR-EXIT-EXAMPLE, AS64501, Frankfurt am Main, Germany)',
    ],
  },
  {
    fixture: 'fixtures/facts/malware-process-network-threat-intel-bare.json',
    facts: [
      'Direction: Outbound',
      'Remote end: 192.0.2.66:4444 (c2.bad.example) (TCP)',
      'Process: kworkerds (/tmp/.x/kworkerds) pid 31337',
      'Threat: Linux.Trojan.Kinsing (HIGH) /tmp/.x/kworkerds',
      'Threat: XMRig (COIN_MINER, OBSERVED) /tmp/.x/xmrig',
      'Threat intelligence: IPV4_ADDRESS 192.0.2.66 (BACKDOOR, ProofPoint)',
    ],
  },
  {
    fixture: 'fixtures/facts/ocsf-detection-api-call-epoch-seconds-account-name.json',
    facts: [
      'API call: PutBucketPolicy (s3.amazonaws.com)',
      'Caller: AssumedRole ci-deployer via arn:aws:iam::777788889999:role/ci-deployer',
      'Source: 203.0.113.200 (EXAMPLE-TRANSIT, AS64502, Sao Paulo, BR)',
      'Times seen: 9',
    ],
  },
  {
    fixture: 'fixtures/facts/guardduty-attack-sequence-signals-bare.json',
    facts: ['Caller: AssumedRole ci-deployer (payments-prod)', 'Remote end: 198.51.100.99 (EXAMPLE-CLOUD, AS64510, Frankfurt am Main, DE)'],
  },
  {
    fixture: 'fixtures/real/guardduty-ssh-bruteforce-docs.json',
    facts: ['Action: Network connection', 'Direction: Inbound', 'Local end: 172.31.43.6, port 22 (SSH)', 'Times seen: 74'],
  },
  {
    fixture: 'fixtures/real/guardduty-console-login-custom-action-2019-event.json',
    facts: [
      'API call: ConsoleLogin (signin.amazonaws.com)',
      'Caller: Remote IP: 208.115.85.104 (Smart City Networks, L.P., AS26925, Washington, United States)',
    ],
  },
] as const;

describe('What happened', () => {
  it.each(CASES)('$fixture: every fact in the text body and in the HTML', ({ fixture, facts }) => {
    // Act
    const email = emailOf(fixture);
    // Assess
    const lines = textSection(email.text, 'What happened');
    const html = section(email.$, 'What happened');
    for (const line of facts) {
      expect(lines).toContain(line);
      const [label = '', value = ''] = [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)];
      const row = email.$('h2:contains("What happened") ~ table tr').filter((_, tr) => email.$(tr).find('td').first().text() === label);
      expect(row.toArray().map((tr) => email.$(tr).find('td').last().text())).toContain(value);
      expect(html).toContain(value);
    }
  });

  it('is the first section after the facts table, in the HTML and the text body', () => {
    const email = emailOf('fixtures/facts/guardduty-port-probe-action-account-name-bare.json');
    expect(email.$('h2').first().text()).toBe('What happened');
    const text = email.text.split('\n');
    expect(text.findIndex((line) => line.startsWith('== '))).toBe(text.indexOf('== What happened =='));
  });

  it('speaks Japanese to Japanese readers: labels and ASFF words, finding values as they are', () => {
    const email = emailOf('fixtures/facts/guardduty-port-probe-action-account-name-bare.json', JA);
    const lines = textSection(email.text, '発生した事象');
    expect(lines).toContain('アクション: ポートスキャン（ポートプローブ）');
    expect(lines).toContain('ブロック済み: いいえ');
    expect(lines).toContain('発生回数: 12');
    expect(section(email.$, '発生した事象')).toContain('203.0.113.77');
  });

  it('OCSF: the finding-level actor is the caller too', () => {
    expect(ocsfActivity(undefined, undefined, { user: { type: 'IAMUser', name: 'alice' } })).toEqual([
      { kind: 'caller', value: 'IAMUser alice' },
    ]);
    expect(ocsfActivity([{ actor: { user: { name: 'alice' } } }], 2, { user: { name: 'alice' } })).toEqual([
      { kind: 'caller', value: 'alice' },
      { kind: 'count', value: '2' },
    ]);
  });

  it('is absent when a finding says nothing about what happened (a control finding)', () => {
    for (const options of [EN, JA]) {
      const email = emailOf('fixtures/facts/rds-2-publicly-accessible-last-config-annotation-bare.json', options);
      expect(email.text).not.toMatch(/== (What happened|発生した事象) ==/);
      expect(email.$('h2').text()).not.toMatch(/What happened|発生した事象/);
    }
    expect(emailsOf('fixtures/real/guardduty-four-findings-getfindings.json').every((e) => e.text.includes('== What happened =='))).toBe(
      true,
    );
  });
});
