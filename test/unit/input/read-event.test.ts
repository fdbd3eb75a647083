import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../functions/core/errors.js';
import { decodeInput } from '../../../functions/core/input/decode.js';
import { DETAIL_TYPES, type SecurityHubEvent } from '../../../functions/core/input/event.js';
import { type EventContent, readEvent } from '../../../functions/core/input/read-event.js';
import { readFixture } from '../../support/fixtures.js';
import { thrown } from '../../support/thrown.js';

function decodeOne(name: string): SecurityHubEvent {
  const [event, ...rest] = decodeInput(readFixture(name), name);
  if (event === undefined || rest.length > 0) throw new Error(`${name}: expected one event`);
  return event;
}

function findingsOf(content: EventContent) {
  if (content.kind !== 'findings') throw new Error(`expected findings, got ${content.kind}`);
  return content;
}

const seed = decodeOne('fixtures/seed/cis-3.4-imported-event.json');

describe('readEvent', () => {
  it('reads an Imported event: trigger from the envelope, its one finding through the ASFF reader', () => {
    const content = findingsOf(readEvent(seed, 'seed.json'));
    expect(content.trigger).toEqual({ eventId: '0027d10f-c9a3-67ba-c84a-e476f7e874cd', detailType: DETAIL_TYPES.imported });
    expect(content.findings.map((r) => (r.ok ? r.finding.title : r.error.message))).toEqual([
      '3.4 Ensure a log metric filter and alarm exist for IAM policy changes',
    ]);
  });

  it('reads a Custom Action event with 2 findings and names the action a person pressed', () => {
    const name = 'fixtures/real/securityhub-cis120-custom-action-two-findings-event.json';
    const content = findingsOf(readEvent(decodeOne(name), name));
    expect(content.trigger.detailType).toBe(DETAIL_TYPES.customAction);
    expect(content.trigger.action?.name).toBe('CIS 1.5 - 1.11 RR');
    expect(content.findings).toHaveLength(2);
    expect(content.findings.every((r) => r.ok)).toBe(true);
  });

  it('takes the action description when there is one, and still marks a nameless action as chosen by hand', () => {
    const name = 'fixtures/real/securityhub-cis120-custom-action-2019-legacy-event.json';
    const event = decodeOne(name);
    const arn = 'arn:aws:securityhub:us-east-1:644160558196:action/custom/aws';
    expect(readEvent(event, name).trigger.action).toEqual({ name: 'Ec2 aws', description: 'This is cool.', arn });
    const nameless = { ...event, detail: { findings: (event.detail as { findings: unknown[] }).findings }, resources: [] };
    expect(readEvent(nameless, name).trigger.action).toEqual({ name: 'Custom action' });
  });

  it('reads the legacy detail-type "Security Hub Findings" as Imported when called directly', () => {
    const content = findingsOf(readEvent({ ...seed, detailType: 'Security Hub Findings' }, 'legacy.json'));
    expect(content.trigger.detailType).toBe(DETAIL_TYPES.imported);
    expect(content.findings[0]?.ok).toBe(true);
  });

  it('keeps reading after a bad finding: the bad one fails with its path, the good ones count', () => {
    const good = (seed.detail as { findings: Record<string, unknown>[] }).findings[0];
    const event = { ...seed, detail: { findings: [good, { ...good, Title: 7 }, good] } };
    const content = findingsOf(readEvent(event, 'three.json'));
    expect(content.findings.map((r) => r.ok)).toEqual([true, false, true]);
    const failed = content.findings[1];
    if (failed?.ok !== false) throw new Error('expected the second finding to fail');
    expect({ name: failed.error.name, input: failed.error.input, path: failed.error.path }).toEqual({
      name: 'InvalidEventError',
      input: 'three.json',
      path: 'detail.findings[1].Title',
    });
  });

  it('reports paths into the original input for synthetic events (list, wrapper, placebo)', () => {
    const good = (seed.detail as { findings: Record<string, unknown>[] }).findings[0] ?? {};
    const bad = { ...good, Severity: { Label: 'SEVERE' } };
    const inputs: [unknown, string][] = [
      [[good, good, bad], '[2].Severity.Label'],
      [{ Findings: [good, good, good, bad] }, 'Findings[3].Severity.Label'],
      [{ status_code: 200, data: { Findings: [bad] } }, 'data.Findings[0].Severity.Label'],
      [bad, 'Severity.Label'],
    ];
    for (const [json, path] of inputs) {
      const paths = decodeInput(json, 'in.json').flatMap((event) =>
        findingsOf(readEvent(event, 'in.json')).findings.flatMap((r) => (r.ok ? [] : [r.error.path])),
      );
      expect(paths).toEqual([path]);
    }
  });

  it('passes the event Region to the reader as the fallback for findings without one', () => {
    const name = 'fixtures/real/securityhub-cis120-warning-config-access-denied-event.json';
    const event = decodeOne(name);
    const content = findingsOf(readEvent({ ...event, region: 'sa-east-1' }, name));
    expect(content.findings[0]?.ok && content.findings[0].finding.region).toBe('sa-east-1');
  });

  it('sends Findings Imported V2 findings to the OCSF reader (paths as for ASFF)', () => {
    const event = { ...seed, detailType: DETAIL_TYPES.importedV2, detail: { findings: [{ class_uid: 'not a number' }] } };
    const content = findingsOf(readEvent(event, 'v2.json'));
    const [result] = content.findings;
    // The OCSF reader refuses this finding; the point here is only that it was the one asked, with this path.
    if (result?.ok !== false) throw new Error('expected the OCSF reader to refuse the finding');
    expect(result.error.path.startsWith('detail.findings[0]')).toBe(true);
  });

  it('hands Insight Results events to the insight reader (kind "insight", or its InvalidEventError)', () => {
    const name = 'fixtures/insight/insight-results-custom-resource-id-event.json';
    const insight = decodeOne(name);
    expect(insight.detailType).toBe(DETAIL_TYPES.insightResults);
    const content = readEvent(insight, name);
    if (content.kind !== 'insight') throw new Error(`expected an insight, got ${content.kind}`);
    expect(content.trigger).toEqual({ eventId: insight.id, detailType: DETAIL_TYPES.insightResults });
    expect(content.insight.rows.length).toBeGreaterThan(0);
    // An empty detail is refused by the insight reader, which never asks for detail.findings.
    const event = { ...seed, detailType: DETAIL_TYPES.insightResults, detail: {} };
    const error = thrown(InvalidEventError, () => readEvent(event, 'insight.json'));
    expect(error.path).toMatch(/^detail\.insight/);
    expect(() => readEvent({ ...event, detailType: DETAIL_TYPES.imported }, 'x.json')).toThrow(/detail\.findings/);
  });

  it('refuses an unknown detail-type, naming it', () => {
    const error = thrown(InvalidEventError, () => readEvent({ ...seed, detailType: 'GuardDuty Finding' }, 'gd.json'));
    expect([error.name, error.path]).toEqual(['InvalidEventError', 'detail-type']);
    expect(error.message).toContain('"GuardDuty Finding"');
  });

  it.each([
    ['missing', {}],
    ['an object', { findings: { Id: 'x' } }],
    ['a string', { findings: 'x' }],
  ])('refuses detail.findings that is %s, naming `detail.findings`', (_what, detail) => {
    const error = thrown(InvalidEventError, () => readEvent({ ...seed, detail }, 'e.json'));
    expect([error.input, error.path]).toEqual(['e.json', 'detail.findings']);
  });
});
