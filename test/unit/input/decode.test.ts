import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../functions/core/errors.js';
import { decodeInput } from '../../../functions/core/input/decode.js';
import { DETAIL_TYPES, type SecurityHubEvent } from '../../../functions/core/input/event.js';
import { readFixture } from '../../support/fixtures.js';
import { thrown } from '../../support/thrown.js';

const seedEvent = readFixture('fixtures/seed/cis-3.4-imported-event.json') as {
  detail: { findings: Record<string, unknown>[] };
  resources: string[];
};
const asff = seedEvent.detail.findings[0] as Record<string, unknown>;
const ocsfList = readFixture('fixtures/real/securityhubv2-ocsf-findings-list.json') as Record<string, unknown>[];
const ocsf = ocsfList[0] as Record<string, unknown>;

/** The one finding a synthetic event wraps. */
function wrapped(event: SecurityHubEvent): unknown {
  return (event.detail as { findings: unknown[] }).findings;
}

describe('decodeInput: EventBridge events', () => {
  it('keeps a Security Hub event as it is, with no findingPath', () => {
    const [event, ...rest] = decodeInput(seedEvent, 'seed.json');
    expect(rest).toHaveLength(0);
    expect(event).toEqual({
      id: '0027d10f-c9a3-67ba-c84a-e476f7e874cd',
      detailType: DETAIL_TYPES.imported,
      source: 'aws.securityhub',
      account: '111122223333',
      region: 'ap-southeast-2',
      time: '2020-07-25T07:06:27Z',
      detail: seedEvent.detail,
      resources: seedEvent.resources,
    });
  });

  it('reads the legacy detail-type "Security Hub Findings" as Imported', () => {
    const [event] = decodeInput({ ...seedEvent, 'detail-type': 'Security Hub Findings' }, 'legacy.json');
    expect(event?.detailType).toBe(DETAIL_TYPES.imported);
  });

  it('refuses another source, naming `source`', () => {
    const error = thrown(InvalidEventError, () => decodeInput({ ...seedEvent, source: 'aws.guardduty' }, 'gd.json'));
    expect({ name: error.name, input: error.input, path: error.path }).toEqual({
      name: 'InvalidEventError',
      input: 'gd.json',
      path: 'source',
    });
    expect(error.message).toBe('gd.json: source: expected "aws.securityhub", got "aws.guardduty"');
  });

  it.each(['id', 'detail-type', 'account', 'region', 'time', 'source'])('refuses an event without `%s`', (key) => {
    const event: Record<string, unknown> = { ...seedEvent };
    delete event[key];
    const error = thrown(InvalidEventError, () => decodeInput(event, 'e.json'));
    expect(error.path).toBe(key);
    expect(error.message).toContain('expected string, got nothing');
  });

  it('refuses an event whose detail is not an object, naming `detail`', () => {
    const error = thrown(InvalidEventError, () => decodeInput({ ...seedEvent, detail: 'x' }, 'e.json'));
    expect([error.path, error.message]).toEqual(['detail', 'e.json: detail: expected object, got string']);
  });
});

describe('decodeInput: bare findings and collections become one synthetic event per finding', () => {
  it('wraps a bare ASFF finding in an Imported event with path ""', () => {
    const events = decodeInput(asff, 'fixtures/real/one.json');
    expect(events).toEqual([
      {
        id: 'replay-one-0',
        detailType: DETAIL_TYPES.imported,
        source: 'aws.securityhub',
        account: '111122223333',
        region: 'ap-southeast-2',
        time: '2020-07-25T07:05:38.190Z',
        detail: { findings: [asff] },
        findingPath: '',
      },
    ]);
  });

  it.each([
    ['a list', [asff, asff, asff], '', 'list.json'],
    ['{"Findings": [...]}', { Findings: [asff, asff, asff] }, 'Findings', 'get-findings.json'],
    ['{"findings": [...]}', { findings: [asff, asff, asff] }, 'findings', 'dojo.json'],
    [
      'a placebo recording',
      { status_code: 200, data: { ResponseMetadata: {}, Findings: [asff, asff, asff] } },
      'data.Findings',
      'placebo.json',
    ],
  ])('wraps %s, one event per finding, each with its path in the input', (_shape, json, prefix, input) => {
    const events = decodeInput(json, input);
    expect(events.map((e) => [e.id, e.detailType, e.findingPath])).toEqual(
      [0, 1, 2].map((i) => [`replay-${input.replace('.json', '')}-${i}`, DETAIL_TYPES.imported, `${prefix}[${i}]`]),
    );
    for (const event of events) expect(wrapped(event)).toEqual([asff]);
  });

  it('returns no events for an empty collection', () => {
    expect(decodeInput({ Findings: [] }, 'empty.json')).toEqual([]);
    expect(decodeInput([], 'empty.json')).toEqual([]);
  });

  it('takes the Region from the ProductArn when the finding has no Region field', () => {
    expect('Region' in asff).toBe(false);
    const [event] = decodeInput({ ...asff, ProductArn: 'arn:aws:securityhub:eu-north-1::product/aws/securityhub' }, 'x.json');
    expect(event?.region).toBe('eu-north-1');
  });

  it('makes the same ids for the same input (deterministic) and a hashed id for an input without a usable name', () => {
    expect(decodeInput([asff], 'a/b/c.json')[0]?.id).toBe(decodeInput([asff], 'a/b/c.json')[0]?.id);
    expect(decodeInput([asff], '///')[0]?.id).toMatch(/^replay-[0-9a-f]{8}-0$/);
  });

  it('wraps a bare OCSF finding and an OCSF list into Findings Imported V2 events, account and Region from `cloud`', () => {
    const [single] = decodeInput(ocsf, 'ocsf.json');
    expect(single).toMatchObject({ detailType: DETAIL_TYPES.importedV2, account: '123456789012', region: 'us-east-1', findingPath: '' });
    const events = decodeInput(ocsfList, 'ocsf-list.json');
    expect(events.map((e) => [e.detailType, e.findingPath])).toEqual(ocsfList.map((_, i) => [DETAIL_TYPES.importedV2, `[${i}]`]));
  });

  it('wraps a mixed list by the shape of each finding', () => {
    const events = decodeInput([asff, ocsf], 'mixed.json');
    expect(events.map((e) => e.detailType)).toEqual([DETAIL_TYPES.imported, DETAIL_TYPES.importedV2]);
  });
});

describe('decodeInput: unrecognisable input', () => {
  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['null', null],
    ['an unknown object', { alerts: [] }],
    ['a placebo without Findings', { status_code: 200, data: {} }],
  ])('refuses %s and lists the accepted shapes', (_what, json) => {
    const error = thrown(InvalidEventError, () => decodeInput(json, 'in.json'));
    expect(error.path).toBe('');
    for (const shape of [
      'EventBridge event',
      'bare ASFF or OCSF finding',
      'list of findings',
      '{"Findings": [...]}',
      '{"findings": [...]}',
      'placebo',
    ]) {
      expect(error.message).toContain(shape);
    }
  });

  it('names the element of a list that is not a finding', () => {
    const error = thrown(InvalidEventError, () => decodeInput([asff, { hello: 'world' }], 'list.json'));
    expect([error.path, error.message]).toEqual([
      '[1]',
      'list.json: [1]: unrecognised element (an object with keys "hello"); expected an ASFF or OCSF finding',
    ]);
  });

  it('names a wrapper whose Findings is not a list', () => {
    const error = thrown(InvalidEventError, () => decodeInput({ Findings: { Id: 'x' } }, 'w.json'));
    expect([error.path, error.message]).toEqual([
      'Findings',
      'w.json: Findings: expected an array of findings, got an object with keys "Id"',
    ]);
  });
});
