/**
 * The pure per-input read step: decode one parsed JSON input into events, read each event into
 * findings (each with its trigger and input) or an insight, and turn bad parts into errors.
 */
import type { NotifierConfig } from '../config.js';
import { InvalidEventError } from '../errors.js';
import type { Finding, Trigger } from '../finding/model.js';
import type { Notification } from '../policy/notification.js';
import { DETAIL_TYPES, type SecurityHubEvent } from './event.js';
import { readEvent } from './read-event.js';

/** One finding as read from one input. */
export interface ReadFinding {
  readonly finding: Finding;
  readonly trigger: Trigger;
  /** A file name (replay), an SQS message id (Lambda). */
  readonly input: string;
}

const KNOWN = new Set<string>(Object.values(DETAIL_TYPES));

/** Everything one input (a file, an SQS message body) holds. */
export interface InputRead {
  readonly input: string;
  /** Every finding read, for the window (filters, silences and dedup are the window's job). */
  readonly findings: readonly ReadFinding[];
  /** Insight Results: mailed as they are, no policy applies. */
  readonly insights: readonly Extract<Notification, { kind: 'insight' }>[];
  /** Bad events and bad findings, each naming the input and the JSON path. */
  readonly errors: readonly InvalidEventError[];
}

/** Parsed JSON to checked events (`decodeInput` for replay, `decodeEvent` for the Lambda); throws `InvalidEventError`. */
export type Decoder = (json: unknown, input: string) => SecurityHubEvent[];

/** The detail-type names the configuration enables, built once per pipeline. */
export function enabledDetailTypes(detailTypes: NotifierConfig['detailTypes']): ReadonlySet<string> {
  return new Set<string>(detailTypes.map((key) => DETAIL_TYPES[key]));
}

/**
 * Reads one input. Never throws for bad input; other errors are bugs and propagate.
 *
 * @example
 * readInput(JSON.parse(body), 'message-1', enabledDetailTypes(config.detailTypes), decodeEvent).findings[0]?.finding.severity // 'HIGH'
 */
export function readInput(json: unknown, input: string, enabled: ReadonlySet<string>, decode: Decoder): InputRead {
  const findings: ReadFinding[] = [];
  const insights: Extract<Notification, { kind: 'insight' }>[] = [];
  const errors: InvalidEventError[] = [];
  const events = guard(errors, () => decode(json, input)) ?? [];
  for (const event of events) {
    guard(errors, () => readOne(event, input, enabled, { findings, insights, errors }));
  }
  return { input, findings, insights, errors };
}

function readOne(
  event: SecurityHubEvent,
  input: string,
  enabled: ReadonlySet<string>,
  out: { findings: ReadFinding[]; insights: Extract<Notification, { kind: 'insight' }>[]; errors: InvalidEventError[] },
): void {
  // Unknown detail-types are refused by readEvent with their own message.
  if (KNOWN.has(event.detailType) && !enabled.has(event.detailType)) {
    out.errors.push(
      new InvalidEventError(input, 'detail-type', `detail-type ${JSON.stringify(event.detailType)} is not enabled in the configuration`),
    );
    return;
  }
  const content = readEvent(event, input);
  if (content.kind === 'insight') {
    out.insights.push({ kind: 'insight', insight: content.insight, trigger: content.trigger });
    return;
  }
  for (const result of content.findings) {
    if (result.ok) out.findings.push({ finding: result.finding, trigger: content.trigger, input });
    else out.errors.push(result.error);
  }
}

/** Collects an `InvalidEventError` instead of throwing it; anything else is a bug and propagates. */
function guard<T>(errors: InvalidEventError[], run: () => T): T | undefined {
  try {
    return run();
  } catch (cause) {
    if (cause instanceof InvalidEventError) {
      errors.push(cause);
      return undefined;
    }
    throw cause;
  }
}
