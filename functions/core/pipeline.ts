/**
 * The pure pipeline: parsed JSON in, outcomes out. decode -> read (ASFF | OCSF | insight)
 * -> policy -> render. The Lambda handler, the replay CLI and the preview server all call this,
 * so what replay shows is what the Lambda sends.
 */
import type { NotifierConfig } from './config.js';
import { InvalidEventError } from './errors.js';
import type { Finding } from './finding/model.js';
import { decodeInput } from './input/decode.js';
import { DETAIL_TYPES, type SecurityHubEvent } from './input/event.js';
import { readEvent } from './input/read-event.js';
import { filterFinding } from './policy/filter.js';
import type { Email, Notification } from './render/email.js';
import type { Renderer } from './render/renderer.js';

const KNOWN = new Set<string>(Object.values(DETAIL_TYPES));

/** What happened to one input: an email to send, a finding skipped with a reason, or a bad input. */
export type Outcome =
  | { readonly kind: 'email'; readonly input: string; readonly email: Email }
  | { readonly kind: 'skipped'; readonly input: string; readonly finding: Finding; readonly reason: string }
  | { readonly kind: 'error'; readonly input: string; readonly error: InvalidEventError };

export interface Pipeline {
  /** Plans every email for one parsed JSON input (a file, an SQS message body). Never throws for bad input. */
  plan(json: unknown, input: string): Outcome[];
}

/**
 * Builds the pipeline once (per cold start, per replay run).
 *
 * @example
 * const pipeline = createPipeline(parseConfig({}), renderer);
 * for (const outcome of pipeline.plan(JSON.parse(body), 'message-1')) ...
 */
export function createPipeline(config: NotifierConfig, renderer: Renderer): Pipeline {
  const enabled = new Set<string>(config.detailTypes.map((key) => DETAIL_TYPES[key]));
  const renderOptions = { locale: config.locale, timeZone: config.timeZone };

  function planEvent(event: SecurityHubEvent, input: string): Outcome[] {
    // Unknown detail-types are refused by readEvent with their own message.
    if (KNOWN.has(event.detailType) && !enabled.has(event.detailType)) {
      return [error(input, 'detail-type', `detail-type ${JSON.stringify(event.detailType)} is not enabled in the configuration`)];
    }
    const content = readEvent(event, input);
    if (content.kind === 'insight') {
      return [email(input, { kind: 'insight', insight: content.insight, trigger: content.trigger })];
    }
    const outcomes: Outcome[] = [];
    const chosen: Finding[] = [];
    // A person chose Custom Action findings by hand: they bypass the filters.
    const byHand = content.trigger.action !== undefined;
    for (const result of content.findings) {
      if (!result.ok) {
        outcomes.push({ kind: 'error', input, error: result.error });
        continue;
      }
      const decision = byHand ? { notify: true as const } : filterFinding(result.finding, config.filters);
      if (decision.notify) chosen.push(result.finding);
      else outcomes.push({ kind: 'skipped', input, finding: result.finding, reason: decision.reason });
    }
    const [only] = chosen;
    if (byHand && chosen.length > 1) {
      outcomes.unshift(email(input, { kind: 'digest', findings: chosen, trigger: content.trigger }));
    } else if (only) {
      outcomes.unshift(...chosen.map((finding) => email(input, { kind: 'finding', finding, trigger: content.trigger })));
    }
    return outcomes;
  }

  function email(input: string, notification: Notification): Outcome {
    return { kind: 'email', input, email: renderer.render(notification, renderOptions) };
  }

  function error(input: string, path: string, message: string): Outcome {
    return { kind: 'error', input, error: new InvalidEventError(input, path, message) };
  }

  /** Turns an `InvalidEventError` into an error outcome; anything else is a bug and propagates. */
  function guard<T>(input: string, run: () => T): T | Outcome {
    try {
      return run();
    } catch (cause) {
      if (cause instanceof InvalidEventError) return { kind: 'error', input, error: cause };
      throw cause;
    }
  }

  return {
    plan(json, input) {
      const events = guard(input, () => decodeInput(json, input));
      if (!Array.isArray(events)) return [events];
      return events.flatMap((event) => guard(input, () => planEvent(event, input)));
    },
  };
}
