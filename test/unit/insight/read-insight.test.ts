/** `readInsight`: Insight Results events into rows by count, with the console link of the partition; bad shapes refused with a path. */
import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../functions/core/errors.js';
import { checkEnvelope } from '../../../functions/core/input/envelope.js';
import type { SecurityHubEvent } from '../../../functions/core/input/event.js';
import { readInsight } from '../../../functions/core/insight/read-insight.js';
import { listFixtures, readFixture } from '../../support/fixtures.js';
import { thrown } from '../../support/thrown.js';
import { at, setAt } from '../ocsf/ocsf-inputs.js';

const HOSTS: Record<string, string> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};
const CUSTOM = 'fixtures/insight/insight-results-custom-resource-id-event.json';

/** The EventBridge JSON as the checked envelope `readEvent` passes on. */
function envelope(json: unknown): SecurityHubEvent {
  return checkEnvelope(json as Record<string, unknown>, 'envelope');
}

/** The custom-insight event with `changes` applied to its detail (`undefined` deletes the field). */
function withDetail(changes: Record<string, unknown>): SecurityHubEvent {
  const event = envelope(structuredClone(readFixture(CUSTOM)));
  for (const [path, value] of Object.entries(changes)) setAt(event.detail, path, value);
  return event;
}

function errorOf(event: SecurityHubEvent): InvalidEventError {
  return thrown(InvalidEventError, () => readInsight(event, CUSTOM));
}

describe('readInsight on every insight fixture', () => {
  const fixtures = listFixtures('insight');

  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });

  for (const fixture of fixtures) {
    it(fixture.name, () => {
      // Prepare
      const event = envelope(readFixture(fixture));
      const rows = at(event.detail, 'insightResults') as Record<string, number>[];
      const pairs = rows.flatMap((row) => Object.entries(row));

      // Act
      const insight = readInsight(event, fixture.name);

      // Assess: every row kept, most findings first
      expect(insight.name).toBe(at(event.detail, 'insightName'));
      expect(insight.arn).toBe(at(event.detail, 'insightArn'));
      expect(insight.resultType).toBe(at(event.detail, 'resultType'));
      expect(insight.accountId).toBe(event.account);
      expect(insight.rows).toHaveLength(rows.length);
      expect(new Set(insight.rows.map((r) => `${r.value}=${r.count}`))).toEqual(new Set(pairs.map(([v, c]) => `${v}=${c}`)));
      const counts = insight.rows.map((r) => r.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));

      // Assess: console link of the partition, to this insight
      const url = new URL(insight.consoleUrl ?? '');
      expect(url.host).toBe(`${insight.region}.${HOSTS[insight.partition]}`);
      expect(url.pathname).toBe('/securityhub/home');
      expect(url.searchParams.get('region')).toBe(insight.region);
      expect(decodeURIComponent(url.hash)).toBe(`#/insights/${insight.arn}`);
    });
  }
});

describe('readInsight facts', () => {
  it('sorts by count, ties by value, and takes the Region from a custom insight ARN', () => {
    const insight = readInsight(envelope(readFixture(CUSTOM)), CUSTOM);

    expect(insight.rows.map((r) => `${r.value.split('/')[1]} ${r.count}`)).toEqual([
      'i-04d9a1c7e3b5f2a80 12',
      'i-0a3c5e7b9d1f2a4c6 7',
      'i-0e2c8a4f6b1d3e5c7 7',
      'i-0b7e4c2a9d1f3e5a6 3',
      'i-09f1b3d5e7a2c4e68 1',
    ]);
    expect(insight).toMatchObject({ region: 'eu-central-1', partition: 'aws', accountId: '111122223333' });
  });

  it('uses the event Region for a managed insight (no Region in its ARN) and the GovCloud console', () => {
    const event = envelope(readFixture('fixtures/insight/insight-results-managed-aws-us-gov-event.json'));

    const insight = readInsight(event, 'managed');

    expect(insight).toMatchObject({
      region: 'us-gov-west-1',
      partition: 'aws-us-gov',
      name: 'S3 buckets with public write or read permissions',
    });
    expect(insight.consoleUrl).toBe(
      'https://us-gov-west-1.console.amazonaws-us-gov.com/securityhub/home?region=us-gov-west-1#/insights/arn%3Aaws-us-gov%3Asecurityhub%3A%3A%3Ainsight%2Fsecurityhub%2Fdefault%2F10',
    );
  });

  it('accepts an empty result list', () => {
    const insight = readInsight(withDetail({ insightResults: [] }), CUSTOM);

    expect(insight.rows).toEqual([]);
  });
});

describe('readInsight refuses bad shapes', () => {
  it.each([
    ['a row with two pairs', { 'insightResults.2': { a: 1, b: 2 } }, 'detail.insightResults[2]', 'got 2 keys'],
    ['an empty row', { 'insightResults.0': {} }, 'detail.insightResults[0]', 'got 0 keys'],
    ['a count as text', { 'insightResults.1': { x: 'seven' } }, 'detail.insightResults[1].x', 'expected number, got string'],
    ['a negative count', { 'insightResults.3': { x: -1 } }, 'detail.insightResults[3].x', 'too small'],
    ['a row that is a list', { 'insightResults.4': ['x', 1] }, 'detail.insightResults[4]', 'expected record, got array'],
    ['no results', { insightResults: undefined }, 'detail.insightResults', 'expected array'],
    ['no insight name', { insightName: undefined }, 'detail.insightName', 'expected string'],
    [
      'an insight ARN of another service',
      { insightArn: 'arn:aws:s3:::bucket' },
      'detail.insightArn',
      'expected a Security Hub insight ARN',
    ],
    ['an insight ARN that is no ARN', { insightArn: 'ARN of the insight' }, 'detail.insightArn', 'got "ARN of the insight"'],
  ])('%s', (_case, changes, path, message) => {
    // Prepare
    const event = withDetail(changes);

    // Act
    const error = errorOf(event);

    // Assess
    expect(error.name).toBe('InvalidEventError');
    expect(error.input).toBe(CUSTOM);
    expect(error.path).toBe(path);
    expect(error.message).toContain(message);
  });

  it('refuses a detail that is not an object', () => {
    const error = errorOf({ ...envelope(readFixture(CUSTOM)), detail: 'x' });

    expect(error.path).toBe('detail');
    expect(error.message).toContain('expected object, got string');
  });
});
