/**
 * Runs one input (an SQS message body, an EventBridge event) through the pipeline and the
 * transport, logging each outcome. Used by the Lambda handler; never throws.
 */
import { DeliveryError, InvalidEventError } from '../core/errors.js';
import type { Outcome, Pipeline } from '../core/pipeline.js';
import type { Email } from '../core/render/email.js';
import type { Transport } from './transport.js';

/** The part of the Powertools Logger used here: structured attributes, never bodies or addresses. */
export interface Log {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

export interface NotifyResult {
  readonly sent: number;
  /** The first failure: an unreadable input, a failed delivery or a bug. Absent when all went well. */
  readonly failure?: Error;
}

export interface Notifier {
  /** `json` is the parsed input, or a `SyntaxError` when the body was not JSON. */
  notify(json: unknown, input: string): Promise<NotifyResult>;
}

/**
 * @example
 * const { failure } = await createNotifier({ pipeline, transport, log: logger }).notify(JSON.parse(body), messageId);
 */
export function createNotifier(deps: { pipeline: Pipeline; transport: Transport; log: Log }): Notifier {
  const { pipeline, transport, log } = deps;
  return {
    async notify(json, input) {
      const eventId = idOf(json);
      let outcomes: Outcome[];
      try {
        if (json instanceof SyntaxError) throw new InvalidEventError(input, '', `body is not JSON (${json.message})`);
        outcomes = pipeline.plan(json, input);
      } catch (error) {
        return { sent: 0, failure: report(error, input, eventId) };
      }
      let sent = 0;
      let failure: Error | undefined;
      let deliveryFailed = false;
      for (const outcome of outcomes) {
        if (outcome.kind === 'error') {
          const reported = report(outcome.error, input, eventId);
          failure ??= reported;
        } else if (outcome.kind === 'skipped') {
          log.info('finding skipped', { input, eventId, findingId: outcome.finding.id, reason: outcome.reason });
        } else if (deliveryFailed) {
          // A delivery already failed in this record: the whole record comes back, so send no more now.
          log.warn('email deferred', { input, ...about(outcome.email), reason: 'an earlier delivery of this input failed' });
        } else {
          try {
            await transport.send(outcome.email);
            sent += 1;
            log.info('email sent', { input, transport: transport.name, ...about(outcome.email) });
          } catch (error) {
            deliveryFailed = true;
            const reported = report(error, input, eventId, outcome.email);
            failure ??= reported;
          }
        }
      }
      return failure ? { sent, failure } : { sent };
    },
  };

  function report(error: unknown, input: string, eventId: string | undefined, email?: Email): Error {
    if (error instanceof InvalidEventError) {
      log.error('invalid event', { input, eventId, path: error.path, reason: error.message });
    } else if (error instanceof DeliveryError) {
      const what = email ? about(email) : { eventId };
      log.error('delivery failed', { input, ...what, transport: error.transport, transient: error.transient, reason: error.message });
    } else {
      log.error('unexpected failure', { input, eventId, error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Log attributes naming what an email is about: ids and severity, never addresses or bodies. */
function about(email: Email): Record<string, unknown> {
  const n = email.notification;
  const base = { eventId: n.trigger.eventId, kind: n.kind };
  if (n.kind === 'finding') return { ...base, findingId: n.finding.id, severity: n.finding.severity };
  if (n.kind === 'digest') return { ...base, findingId: n.findings.map((f) => f.id), severity: email.headers['X-SecurityHub-Severity'] };
  return { ...base, insightArn: n.insight.arn };
}

function idOf(json: unknown): string | undefined {
  const id = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 128) : undefined;
}
