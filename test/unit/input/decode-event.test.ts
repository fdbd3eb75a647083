/** The Lambda's decoder reads events exactly as the replay decoder does, and refuses the replay-only shapes. */
import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../functions/core/errors.js';
import { decodeInput } from '../../../functions/core/input/decode.js';
import { decodeEvent } from '../../../functions/core/input/decode-event.js';
import { listFixtures, readFixture } from '../../support/fixtures.js';

/** The outcome of a decoder: the events, or the error's path and message. */
function outcome(decode: (json: unknown, input: string) => unknown, json: unknown): unknown {
  try {
    return decode(json, 'in.json');
  } catch (error) {
    if (!(error instanceof InvalidEventError)) throw error;
    return { path: error.path, message: error.message };
  }
}

const isEvent = (json: unknown) =>
  typeof json === 'object' && json !== null && !Array.isArray(json) && ('detail-type' in json || 'source' in json || 'detail' in json);

describe('decodeEvent', () => {
  // Fixtures that parse as JSON (one edge case is deliberately not JSON).
  const fixtures = listFixtures().flatMap((fixture) => {
    try {
      return [{ json: readFixture(fixture) }];
    } catch {
      return [];
    }
  });

  it('gives what decodeInput gives for every event fixture, valid or not', () => {
    const events = fixtures.filter((f) => isEvent(f.json));
    expect(events.length).toBeGreaterThan(10);
    for (const { json } of events) expect(outcome(decodeEvent, json)).toEqual(outcome(decodeInput, json));
  });

  it('refuses bare findings, lists and other shapes, naming the input', () => {
    const others = fixtures.filter((f) => !isEvent(f.json));
    expect(others.length).toBeGreaterThan(0);
    for (const { json } of [...others, { json: null }, { json: 3 }]) {
      expect(() => decodeEvent(json, 'in.json')).toThrow(InvalidEventError);
      expect(outcome(decodeEvent, json)).toMatchObject({
        path: '',
        message: expect.stringMatching(/^in\.json: .*expected an EventBridge event from aws\.securityhub/),
      });
    }
  });
});
