/** Properties over arbitrary input: the reader either maps or refuses with InvalidEventError, and its lines stay bounded. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../functions/core/errors.js';
import { evidenceLines } from '../../../functions/core/ocsf/evidence.js';
import { ocsfToFinding } from '../../../functions/core/ocsf/to-finding.js';
import { readFixture } from '../../support/fixtures.js';

const valid = readFixture('fixtures/ocsf/detection-process-network-actor.json') as Record<string, unknown>;

describe('ocsfToFinding properties', () => {
  it('never throws anything but InvalidEventError, whatever replaces a top-level field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(valid)), fc.jsonValue(), (key, value) => {
        try {
          ocsfToFinding({ ...valid, [key]: value }, { input: 'prop', path: 'detail.findings[0]' });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidEventError);
          expect((error as InvalidEventError).path.startsWith('detail.findings[0]')).toBe(true);
        }
      }),
    );
  });

  it('keeps evidence to at most 8 single lines of at most 160 characters, for any evidence', () => {
    const text = fc.string({ unit: 'binary', maxLength: 400 });
    const process = fc.record({ name: text, path: text, cmd_line: text, pid: fc.integer() }, { requiredKeys: [] });
    const evidence = fc.record(
      {
        process,
        actor: fc.record({ process, user: fc.record({ name: text, uid: text }, { requiredKeys: [] }) }, { requiredKeys: [] }),
        src_endpoint: fc.record({ ip: text, port: fc.integer() }, { requiredKeys: [] }),
        dst_endpoint: fc.record({ ip: text, port: fc.integer() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(evidence, fc.jsonValue()), { maxLength: 20 }), (evidences) => {
        const lines = evidenceLines(evidences);
        expect(lines.length).toBeLessThanOrEqual(8);
        for (const line of lines) {
          expect([...line].length).toBeLessThanOrEqual(160);
          expect(line).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
        }
      }),
    );
  });
});
