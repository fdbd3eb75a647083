/**
 * The pure pipeline: decode -> read (ASFF | OCSF | insight) -> policy (one delivery window) ->
 * render. The Lambda handler, the replay CLI and the preview server all call it, so what replay
 * shows is what the Lambda sends. Two steps: `read` per input, then `window` over all inputs of
 * one delivery window (one SQS batch, one replay run) with the prior dedup state.
 */
import type { NotifierConfig } from './config.js';
import type { InvalidEventError } from './errors.js';
import type { Finding } from './finding/model.js';
import { decodeInput } from './input/decode.js';
import { decodeEvent } from './input/decode-event.js';
import { type Decoder, enabledDetailTypes, type InputRead, readInput } from './pipeline/read-input.js';
import { renderWindow, type WindowEmail, type WindowOutput, type WindowState } from './pipeline/render-window.js';
import type { Route } from './policy/policy-config.js';
import type { Email } from './render/email.js';
import type { Renderer } from './render/renderer.js';
import { planSummaries, type SummaryContext } from './summary/route-summaries.js';

export type { InputRead } from './pipeline/read-input.js';
export type { RenderFailure, WindowEmail, WindowOutput, WindowState } from './pipeline/render-window.js';

/** What happened to one input: an email to send, a finding skipped with a reason, or a bad input. */
export type Outcome =
  | { readonly kind: 'email'; readonly input: string; readonly email: Email }
  | { readonly kind: 'skipped'; readonly input: string; readonly finding: Finding; readonly reason: string }
  | { readonly kind: 'error'; readonly input: string; readonly error: InvalidEventError };

export interface Pipeline {
  /** Reads one parsed JSON input (a file, an SQS message body). Never throws for bad input. */
  read(json: unknown, input: string): InputRead;
  /** Plans and renders every email of one delivery window. */
  window(reads: readonly InputRead[], state: WindowState): WindowOutput;
  /**
   * One input as a window of its own with no prior state (preview, bench): every email, skip and
   * error. `now` (silences, repeat) defaults to the newest `UpdatedAt` among its findings, so the
   * result does not depend on the clock.
   */
  plan(json: unknown, input: string, now?: Date): Outcome[];
}

/** The pipeline of replay, preview and the summary Lambda: it also renders the route summaries. */
export interface PipelineWithSummaries extends Pipeline {
  /** The summary email of each route over these findings (`only`: one route, by name), in the route's locale and time zone. */
  summaries(findings: readonly Finding[], context: SummaryContext, only?: string): { route: Route; email: Email }[];
}

/**
 * Builds the pipeline once (per replay run, preview): it reads every input shape `decodeInput` knows.
 *
 * @example
 * const pipeline = createPipeline(parseConfig({}), renderer);
 * const reads = bodies.map((body, i) => pipeline.read(JSON.parse(body), `message-${i}`));
 * const { plan, emails } = pipeline.window(reads, { now: new Date(), prior: await store.getMany(keys) });
 */
export function createPipeline(config: NotifierConfig, renderer: Renderer): PipelineWithSummaries {
  return {
    ...pipelineWith(config, renderer, decodeInput),
    summaries(findings, context, only) {
      return planSummaries(findings, config, context, only).map(({ route, notification }) => ({
        route,
        email: renderer.render(notification, {
          locale: route.locale ?? config.locale,
          timeZone: route.summary?.timeZone ?? config.timeZone,
        }),
      }));
    },
  };
}

/**
 * The Lambda's pipeline (once per cold start): the same, reading EventBridge events only
 * (`decodeEvent`) and without summaries, so replay's other input shapes and the summary code are
 * not in the Lambda bundle.
 *
 * @example const pipeline = createEventPipeline(config, renderer);
 */
export function createEventPipeline(config: NotifierConfig, renderer: Renderer): Pipeline {
  return pipelineWith(config, renderer, decodeEvent);
}

function pipelineWith(config: NotifierConfig, renderer: Renderer, decode: Decoder): Pipeline {
  const enabled = enabledDetailTypes(config.detailTypes);
  const read = (json: unknown, input: string) => readInput(json, input, enabled, decode);
  const window = (reads: readonly InputRead[], state: WindowState) => renderWindow(config, renderer, reads, state);
  return {
    read,
    window,
    plan(json, input, now) {
      const one = read(json, input);
      const { plan, emails, renderFailures } = window([one], { now: now ?? eventTime(one), prior: new Map() });
      // A renderer bug is not bad input: it propagates, as it always did here.
      if (renderFailures[0]) throw renderFailures[0].error;
      return [
        ...emails.map((e: WindowEmail): Outcome => ({ kind: 'email', input, email: e.email })),
        ...plan.skipped.map((s): Outcome => ({ kind: 'skipped', input, finding: s.finding, reason: s.reason })),
        ...one.errors.map((error): Outcome => ({ kind: 'error', input, error })),
      ];
    },
  };
}

/** The newest `UpdatedAt` of the input's findings, else the Unix epoch. */
function eventTime(read: InputRead): Date {
  const times = read.findings.map((f) => Date.parse(f.finding.updatedAt ?? '')).filter((t) => Number.isFinite(t));
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}
