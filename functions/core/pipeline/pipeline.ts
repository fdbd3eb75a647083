/**
 * The pure pipeline: decode -> read (ASFF | OCSF | insight) -> plan (one batch) -> render. The
 * Lambda, the replay CLI and the preview server all call it, so what replay shows is what the
 * Lambda sends. Two steps: `read` per input, then `batch` over all inputs planned together (a
 * window's pending findings, an SQS batch, one replay run) with the prior dedup state.
 */
import type { NotifierConfig } from '../config.js';
import type { InvalidEventError } from '../errors.js';
import type { Finding } from '../finding/model.js';
import { decodeInput } from '../input/decode.js';
import { decodeEvent } from '../input/decode-event.js';
import { type Decoder, enabledDetailTypes, type InputRead, readInput } from '../input/read-input.js';
import type { Route } from '../policy/policy-config.js';
import type { Email } from '../render/email.js';
import type { Renderer } from '../render/renderer.js';
import type { LastSummary } from '../summary/last-summary.js';
import { planAudiences, type SummaryContext } from '../summary/route-summaries.js';
import { type AudienceOptions, type NoOwnerSummary, type SummaryAudience, summaryAudiences } from '../summary/summary-audiences.js';
import { type BatchContext, type BatchEmail, type BatchOutput, renderBatch } from './render-batch.js';

export type { InputRead } from '../input/read-input.js';
export type { BatchContext, BatchEmail, BatchOutput, RenderFailure } from './render-batch.js';

/** What happened to one input: an email to send, a finding skipped with a reason, or a bad input. */
export type Outcome =
  | { readonly kind: 'email'; readonly input: string; readonly email: Email }
  | { readonly kind: 'skipped'; readonly input: string; readonly finding: Finding; readonly reason: string }
  | { readonly kind: 'error'; readonly input: string; readonly error: InvalidEventError };

export interface Pipeline {
  /** Reads one parsed JSON input (a file, an SQS message body). Never throws for bad input. */
  read(json: unknown, input: string): InputRead;
  /** Plans and renders every email of one batch. */
  batch(reads: readonly InputRead[], state: BatchContext): BatchOutput;
  /**
   * One input as a batch of its own with no prior state (preview, bench): every email, skip and
   * error. `now` (silences, repeat) defaults to the newest `UpdatedAt` among its findings, so the
   * result does not depend on the clock.
   */
  plan(json: unknown, input: string, now?: Date): Outcome[];
}

/** The pipeline of replay, preview and the summary Lambda: it also plans and renders the summaries. */
export interface PipelineWithSummaries extends Pipeline {
  /** Who gets a summary over these findings: each route's recipients, and on owner routes each owner (`directory`). */
  summaryAudiences(findings: readonly Finding[], options?: AudienceOptions): { audiences: SummaryAudience[]; noOwner: NoOwnerSummary[] };
  /** The summary email of each audience, in its route's locale and time zone, and the record to keep for the next one. */
  summaries(audiences: readonly SummaryAudience[], context: SummaryContext): RenderedSummary[];
}

export interface RenderedSummary {
  readonly audience: SummaryAudience;
  readonly route: Route;
  readonly email: Email;
  readonly record: LastSummary;
}

/**
 * Builds the pipeline once (per replay run, preview): it reads every input shape `decodeInput` knows.
 *
 * @example
 * const pipeline = createPipeline(parseConfig({}), renderer);
 * const reads = bodies.map((body, i) => pipeline.read(JSON.parse(body), `message-${i}`));
 * const { plan, emails } = pipeline.batch(reads, { now: new Date(), prior: await store.getMany(keys) });
 */
export function createPipeline(config: NotifierConfig, renderer: Renderer): PipelineWithSummaries {
  return {
    ...pipelineWith(config, renderer, decodeInput),
    summaryAudiences(findings, options) {
      return summaryAudiences(findings, config, options);
    },
    summaries(audiences, context) {
      return planAudiences(audiences, config, context).map(({ audience, route, notification, record }) => ({
        audience,
        route,
        record,
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
  const batch = (reads: readonly InputRead[], state: BatchContext) => renderBatch(config, renderer, reads, state);
  return {
    read,
    batch,
    plan(json, input, now) {
      const one = read(json, input);
      const { plan, emails, renderFailures } = batch([one], { now: now ?? eventTime(one), prior: new Map() });
      // A renderer bug is not bad input: it propagates, as it always did here.
      if (renderFailures[0]) throw renderFailures[0].error;
      return [
        ...emails.map((e: BatchEmail): Outcome => ({ kind: 'email', input, email: e.email })),
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
