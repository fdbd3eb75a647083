/**
 * Turns parsed JSON into checked EventBridge envelopes: the one place that knows every input
 * shape the notifier accepts.
 */
import { InvalidEventError } from '../errors.js';
import { checkEnvelope, looksLikeEvent } from './envelope.js';
import type { SecurityHubEvent } from './event.js';
import { findingShape, isRecord, jsonKind } from './finding-shape.js';
import { syntheticEvent } from './synthetic-event.js';

/** The shapes `decodeInput` accepts, as named in its error message. */
const ACCEPTED_SHAPES =
  'an EventBridge event from aws.securityhub, a bare ASFF or OCSF finding, a list of findings, ' +
  '{"Findings": [...]}, {"findings": [...]}, or a Cloud Custodian placebo recording {"status_code", "data": {"Findings": [...]}}';

/**
 * Turns parsed JSON into checked EventBridge envelopes. Accepts an EventBridge event, and for
 * replay also a bare finding (ASFF or OCSF), a list of findings, `{Findings: [...]}`,
 * `{findings: [...]}` and Cloud Custodian placebo recordings, which it wraps in synthetic
 * Imported (ASFF) or Imported V2 (OCSF) events, one per finding. Throws `InvalidEventError`
 * naming `input` and the JSON path.
 *
 * @example
 * decodeInput([{ SchemaVersion: '2018-10-08', ... }], 'list.json')[0].detailType // 'Security Hub Findings - Imported'
 */
export function decodeInput(json: unknown, input: string): SecurityHubEvent[] {
  if (Array.isArray(json)) return wrapAll(json, '', input);
  if (!isRecord(json)) throw unrecognised(input, '', json);
  if (looksLikeEvent(json)) return [checkEnvelope(json, input)];
  if (findingShape(json) !== undefined) return wrapAll([json], undefined, input);
  if ('Findings' in json) return wrapAll(listAt(json.Findings, 'Findings', input), 'Findings', input);
  if ('findings' in json) return wrapAll(listAt(json.findings, 'findings', input), 'findings', input);
  if ('status_code' in json && isRecord(json.data) && 'Findings' in json.data) {
    return wrapAll(listAt(json.data.Findings, 'data.Findings', input), 'data.Findings', input);
  }
  throw unrecognised(input, '', json);
}

/** One synthetic event per finding; `prefix` undefined means a single bare finding (path ""). */
function wrapAll(findings: readonly unknown[], prefix: string | undefined, input: string): SecurityHubEvent[] {
  return findings.map((finding, index) => {
    const path = prefix === undefined ? '' : `${prefix}[${index}]`;
    const shape = findingShape(finding);
    if (shape === undefined) throw unrecognised(input, path, finding);
    return syntheticEvent(finding, shape, path, index, input);
  });
}

function listAt(value: unknown, path: string, input: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new InvalidEventError(input, path, `expected an array of findings, got ${describe(value)}`);
  return value;
}

function unrecognised(input: string, path: string, value: unknown): InvalidEventError {
  const what = path === '' ? 'input' : 'element';
  return new InvalidEventError(
    input,
    path,
    `unrecognised ${what} (${describe(value)}); expected ${path === '' ? ACCEPTED_SHAPES : 'an ASFF or OCSF finding'}`,
  );
}

function describe(value: unknown): string {
  if (!isRecord(value)) return jsonKind(value);
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40)));
  return `an object with keys ${shown.join(', ')}${keys.length > 5 ? ', ...' : ''}`;
}
