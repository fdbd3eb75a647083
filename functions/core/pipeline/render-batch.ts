/**
 * The pure batch step: plan every email of one batch (planBatch) and render each
 * planned notification in its route's locale, with threading headers; insights pass through.
 */
import type { NotifierConfig } from '../config.js';
import type { InputRead } from '../input/read-input.js';
import type { ChosenFinding } from '../policy/group.js';
import type { Notification } from '../policy/notification.js';
import { type BatchPlan, planBatch } from '../policy/plan-batch.js';
import type { Route } from '../policy/policy-config.js';
import { FALLBACK_ROUTE } from '../policy/route.js';
import type { StoredState } from '../policy/state.js';
import type { Email } from '../render/email.js';
import type { Renderer } from '../render/renderer.js';
import { threadHeaders } from './thread-headers.js';

/** One rendered email of a batch, with what the adapter needs to deliver and account for it. */
export interface BatchEmail {
  readonly email: Email;
  /** Where it goes: a route's own recipients or topic, or the fallback (top-level settings). */
  readonly route: Route;
  /** The findings it shows (empty for an insight). */
  readonly findings: readonly ChosenFinding[];
  /** The inputs it carries findings (or the insight) from, without repeats. */
  readonly inputs: readonly string[];
  /** The event ids it carries, without repeats. */
  readonly eventIds: readonly string[];
  /**
   * Index into `plan.notifications` (for `statesToWrite`); absent for an insight. A digest above
   * the renderer's bound is sent in parts that share it: delivered only when every part is.
   */
  readonly planIndex?: number;
}

/** A planned email the renderer could not make (a bug): its inputs fail, the others go on. */
export interface RenderFailure extends Omit<BatchEmail, 'email'> {
  readonly error: Error;
}

export interface BatchOutput {
  readonly plan: BatchPlan;
  /** Planned notifications in plan order (most severe first), then insights. */
  readonly emails: readonly BatchEmail[];
  readonly renderFailures: readonly RenderFailure[];
}

export interface BatchContext {
  readonly now: Date;
  /** What the state store knows about the batch's finding keys. */
  readonly prior: ReadonlyMap<string, StoredState>;
}

/**
 * Plans and renders one batch.
 *
 * @example
 * const { plan, emails } = renderBatch(config, renderer, reads, { now, prior });
 */
export function renderBatch(config: NotifierConfig, renderer: Renderer, reads: readonly InputRead[], state: BatchContext): BatchOutput {
  const plan = planBatch(
    reads.flatMap((read) => read.findings),
    { now: state.now, prior: state.prior, policy: config.policy, filters: config.filters },
  );
  const render = (notification: Notification, route: Route): Email =>
    renderer.render(notification, { locale: route.locale ?? config.locale, timeZone: config.timeZone });

  const renderFailures: RenderFailure[] = [];
  /** Renders one email; a renderer bug fails only the inputs this email carries. */
  const attempt = (item: Omit<BatchEmail, 'email'>, make: () => Email): BatchEmail[] => {
    try {
      return [{ ...item, email: make() }];
    } catch (cause) {
      renderFailures.push({ ...item, error: cause instanceof Error ? cause : new Error(String(cause)) });
      return [];
    }
  };
  const emails: BatchEmail[] = plan.notifications.flatMap((planned, planIndex): BatchEmail[] => {
    const { notification, route, findings } = planned;
    const item = {
      route,
      findings,
      inputs: unique(findings.map((f) => f.input)),
      eventIds: unique(findings.map((f) => f.trigger.eventId)),
      planIndex,
    };
    return attempt(item, () => {
      const rendered = render(notification, route);
      const [only] = findings;
      if (notification.kind !== 'finding' || !only) return rendered;
      return { ...rendered, headers: { ...rendered.headers, ...threadHeaders(only.finding.key, only.previous, state.now) } };
    });
  });
  for (const read of reads) {
    for (const insight of read.insights) {
      const item = { route: FALLBACK_ROUTE, findings: [], inputs: [read.input], eventIds: [insight.trigger.eventId] };
      emails.push(...attempt(item, () => render(insight, FALLBACK_ROUTE)));
    }
  }
  return { plan, emails, renderFailures };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
