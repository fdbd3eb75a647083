/**
 * Property tests at the boundary: arbitrary JSON, and every fixture mutated at a random place,
 * either become emails / skips or are refused with the project's named `InvalidEventError`: never
 * a TypeError, never an exception out of the pipeline. (The handler level, with the notifier, is
 * covered with poison messages in test/fault/handler.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config.js';
import { InvalidEventError } from '../../functions/core/errors.js';
import { decodeInput } from '../../functions/core/input/decode.js';
import { readEvent } from '../../functions/core/input/read-event.js';
import { createPipeline, type Outcome } from '../../functions/core/pipeline/pipeline.js';
import { renderer } from '../../functions/core/render/prebuilt.js';
import { listFixtures, readFixture } from '../support/fixtures.js';
import { hostile, SEED } from './hostile-strings.js';

const pipeline = createPipeline(parseConfig({}), renderer);
const RUNS = 400;

/** Every outcome is an email, a skip, or a named error; anything thrown fails the property. */
function expectOutcomes(outcomes: readonly Outcome[]): void {
  for (const outcome of outcomes) {
    expect(['email', 'skipped', 'error']).toContain(outcome.kind);
    if (outcome.kind === 'error') {
      expect(outcome.error).toBeInstanceOf(InvalidEventError);
      expect(outcome.error.name).toBe('InvalidEventError');
      expect(typeof outcome.error.reason).toBe('string');
    }
    if (outcome.kind === 'email') expect(outcome.email.html.length).toBeGreaterThan(0);
  }
}

/** decode + read only: each step returns data or throws `InvalidEventError`, nothing else. */
function expectReadOrNamedError(json: unknown): void {
  try {
    for (const event of decodeInput(json, 'fuzz')) {
      const content = readEvent(event, 'fuzz');
      if (content.kind === 'findings') for (const r of content.findings) if (!r.ok) expect(r.error).toBeInstanceOf(InvalidEventError);
    }
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
  }
}

const json = fc.jsonValue({ maxDepth: 6 });

/** Envelopes that get arbitrary content past the first checks, into each reader. */
const envelope = (detailType: string, detail: unknown) => ({
  version: '0',
  id: 'fuzz-event',
  'detail-type': detailType,
  source: 'aws.securityhub',
  account: '111122223333',
  time: '2024-05-02T09:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail,
});
const DETAIL_TYPES = [
  'Security Hub Findings - Imported',
  'Security Hub Findings - Custom Action',
  'Findings Imported V2',
  'Security Hub Insight Results',
];
const deepEvent = fc
  .tuple(fc.constantFrom(...DETAIL_TYPES), fc.array(json, { maxLength: 3 }), json)
  .map(([type, findings, extra]) =>
    envelope(type, { findings, actionName: extra, insightArn: extra, insightName: extra, resultType: extra, insightResults: extra }),
  );

/** Every readable fixture, parsed. */
const FIXTURES = listFixtures()
  .filter((f) => !f.invalid)
  .map((f) => readFixture(f));

type Json = unknown;

/** Every path (as keys) to a value inside `value`, the root included. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  } else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** A copy of `value` with the value at `path` replaced (or deleted when `replacement` is `DELETE`). */
const DELETE = Symbol('delete');
function mutate(value: Json, path: readonly (string | number)[], replacement: Json | typeof DELETE): Json {
  if (path.length === 0) return replacement === DELETE ? undefined : replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === DELETE) copy.splice(Number(head), 1);
    else copy[Number(head)] = mutate(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === DELETE) delete copy[head];
  else copy[head] = mutate(copy[head], rest, replacement);
  return copy;
}

const replacement: fc.Arbitrary<Json | typeof DELETE> = fc.oneof(
  fc.constant(DELETE),
  json,
  hostile,
  fc.constantFrom(null, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, true, '', [], {}, 'CRITICAL', 'SEVERE', '2024-13-45T99:99:99Z'),
);

/** A fixture with 1-3 random places changed (deleted, retyped, or filled with hostile text). */
const mutatedFixture = fc
  .tuple(fc.nat(FIXTURES.length - 1), fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 3 }))
  .map(([index, changes]) =>
    changes.reduce((doc, [at, value]) => {
      const all = paths(doc);
      return mutate(doc, all[at % all.length] ?? [], value);
    }, FIXTURES[index]),
  );

/** The pipeline and the readers hold the boundary for every input `inputs` generates. */
function expectBoundaryHolds(inputs: fc.Arbitrary<unknown>, numRuns: number): void {
  fc.assert(
    fc.property(inputs, (input) => {
      expectOutcomes(pipeline.plan(input, 'fuzz'));
      expectReadOrNamedError(input);
    }),
    { seed: SEED, numRuns },
  );
}

describe('the boundary under arbitrary and mutated input (fast-check, fixed seed)', () => {
  it('turns arbitrary JSON into emails, skips or InvalidEventError, never anything else', () => {
    expectBoundaryHolds(json, RUNS);
  });

  it('does the same for arbitrary findings and insight details inside a valid envelope, for every detail-type', () => {
    expectBoundaryHolds(deepEvent, RUNS);
  });

  it(`does the same for every fixture (${FIXTURES.length}) mutated at random places`, () => {
    expectBoundaryHolds(mutatedFixture, RUNS * 2);
  });
});
