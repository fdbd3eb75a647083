/**
 * Every fixture under fixtures/: valid input decodes, and every ASFF finding in it reads without
 * error; OCSF input is wrapped into `Findings Imported V2` events (its content is the OCSF
 * reader's to check); every file under test/fixtures/invalid/ is refused with the path listed below.
 */
import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../functions/core/errors.js';
import { decodeInput } from '../../../functions/core/input/decode.js';
import { DETAIL_TYPES } from '../../../functions/core/input/event.js';
import { readEvent } from '../../../functions/core/input/read-event.js';
import { listFixtures, listInvalidFixtures, readFixture, readFixtureText } from '../../support/fixtures.js';

/** Where each invalid fixture must fail: thrown by decode/read, or one failed finding. */
const INVALID: Record<string, { readonly path: string; readonly stage: 'throws' | 'finding'; readonly message: RegExp }> = {
  'severity-label-severe-findings.json': {
    path: 'Findings[1].Severity.Label',
    stage: 'finding',
    message: /expected one of .*"CRITICAL", got "SEVERE"/,
  },
  'nothing-to-show-event.json': {
    path: 'detail.findings[0].Title',
    stage: 'finding',
    message: /expected a Title \(or a Description to show in its place\)/,
  },
  'missing-id-list.json': { path: '[2].Id', stage: 'finding', message: /expected string/ },
  'resource-id-number-bare.json': { path: 'Resources[0].Id', stage: 'finding', message: /expected string, got number/ },
  'wrong-source-event.json': { path: 'source', stage: 'throws', message: /expected "aws\.securityhub", got "aws\.guardduty"/ },
  'unknown-detail-type-event.json': { path: 'detail-type', stage: 'throws', message: /unknown detail-type "GuardDuty Finding"/ },
  'findings-not-array-event.json': { path: 'detail.findings', stage: 'throws', message: /expected an array of findings, got object/ },
  'unknown-shape.json': { path: '', stage: 'throws', message: /expected an EventBridge event .*placebo/ },
};

function isOcsfInput(text: string): boolean {
  return text.includes('"class_uid"');
}

/** Decodes and reads one input; returns every finding result. */
function readAll(json: unknown, input: string) {
  return decodeInput(json, input).flatMap((event) => {
    const content = readEvent(event, input);
    return content.kind === 'findings' ? content.findings : [];
  });
}

/** What reading one input gave: a thrown error, or the failed findings beside the good ones. */
function attempt(json: unknown, input: string): { stage: 'throws'; error: unknown } | { stage: 'finding'; errors: InvalidEventError[] } {
  let results: ReturnType<typeof readAll>;
  try {
    results = readAll(json, input);
  } catch (error) {
    return { stage: 'throws', error };
  }
  return { stage: 'finding', errors: results.flatMap((r) => (r.ok ? [] : [r.error])) };
}

describe('every valid fixture decodes; each ASFF finding reads without error', () => {
  const fixtures = listFixtures().filter((f) => !f.invalid);
  it('finds the real, seed and edge fixtures', () => {
    expect(fixtures.filter((f) => f.group === 'real').length).toBeGreaterThanOrEqual(32);
    expect(fixtures.some((f) => f.group === 'seed')).toBe(true);
    expect(fixtures.filter((f) => f.group === 'edge').length).toBeGreaterThanOrEqual(13);
  });
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (name, fixture) => {
    // Prepare
    const json = readFixture(fixture);
    // Act
    const events = decodeInput(json, name);
    // Assess
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      if (event.detailType === DETAIL_TYPES.importedV2) {
        // OCSF content is the OCSF reader's to check; here only the wrapping counts.
        expect(isOcsfInput(readFixtureText(fixture))).toBe(true);
        continue;
      }
      const content = readEvent(event, name);
      if (event.detailType === DETAIL_TYPES.insightResults) {
        expect(content.kind).toBe('insight');
        continue;
      }
      if (content.kind !== 'findings') throw new Error(`expected findings, got ${content.kind}`);
      expect(content.findings.length).toBeGreaterThan(0);
      for (const result of content.findings) {
        if (!result.ok) throw result.error;
        expect(result.finding.format).toBe('asff');
        expect(result.finding.title).not.toBe('');
        expect(result.finding.key).toContain('|');
        // The console of the finding's own partition, or none when that console is not known.
        if (result.finding.consoleUrl === undefined)
          expect(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b']).not.toContain(result.finding.partition);
        else
          expect(result.finding.consoleUrl).toMatch(
            /^https:\/\/([a-z0-9-]+\.)?console\.(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com|c2s\.ic\.gov|sc2s\.sgov\.gov)\/securityhub\/home/,
          );
      }
    }
  });
});

describe('every OCSF bare finding or list is wrapped into Findings Imported V2 events', () => {
  const fixtures = listFixtures().filter(
    (f) => !f.invalid && isOcsfInput(readFixtureText(f)) && !readFixtureText(f).includes('"detail-type"'),
  );
  it('finds the OCSF list among the real samples', () => {
    expect(fixtures.map((f) => f.name)).toContain('fixtures/real/securityhubv2-ocsf-findings-list.json');
  });
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (name, fixture) => {
    const events = decodeInput(readFixture(fixture), name);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect([event.detailType, event.id.startsWith('replay-')]).toEqual([DETAIL_TYPES.importedV2, true]);
  });
});

describe('every invalid fixture is refused with the JSON path of the problem', () => {
  const fixtures = listInvalidFixtures();
  it('has an expectation for every file in test/fixtures/invalid/', () => {
    const names = fixtures.map((f) => f.name.split('/').pop() ?? '');
    expect(names.filter((n) => n !== 'not-json.json').sort()).toEqual(Object.keys(INVALID).sort());
  });

  it('not-json.json is not JSON at all', () => {
    expect(() => readFixture('test/fixtures/invalid/not-json.json')).toThrow(SyntaxError);
  });

  it.each(Object.entries(INVALID))('%s fails at %j', (file, expected) => {
    // Prepare
    const name = `test/fixtures/invalid/${file}`;
    const json = readFixture(name);
    // Act
    const outcome = attempt(json, name);
    // Assess
    expect(outcome.stage).toBe(expected.stage);
    const errors = outcome.stage === 'throws' ? [outcome.error] : outcome.errors;
    expect(errors).toHaveLength(1);
    const e = errors[0];
    if (!(e instanceof InvalidEventError)) throw new Error(`expected an InvalidEventError, got ${String(e)}`);
    expect({ name: e.name, input: e.input, path: e.path }).toEqual({ name: 'InvalidEventError', input: name, path: expected.path });
    expect(e.message).toMatch(expected.message);
    expect(e.message.startsWith(`${name}: `)).toBe(true);
  });
});
