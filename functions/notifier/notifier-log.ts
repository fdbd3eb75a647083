/**
 * The notifier's structured log lines: ids, kinds, severities and counts, never bodies or
 * addresses (delivery errors arrive with addresses redacted).
 */
import { DeliveryError, type InvalidEventError } from '../core/errors.js';
import type { BatchEmail, RenderFailure } from '../core/pipeline/pipeline.js';
import type { Skipped } from '../core/policy/plan-batch.js';
import type { Delivery } from './deliver-emails.js';
import type { NotifierCounts } from './metrics.js';

/** The part of the Powertools Logger used here. */
export interface Log {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

/** @example const log = createNotifierLog(logger, 'ses'); log.skipped(skip); */
export function createNotifierLog(log: Log, transport: string) {
  return {
    invalid(error: InvalidEventError, eventId: string | undefined): void {
      log.error('invalid event', { input: error.input, eventId, path: error.path, reason: error.reason });
    },
    skipped(skip: Skipped): void {
      const { input, trigger, finding, kind, reason } = skip;
      log.info('finding skipped', { input, eventId: trigger.eventId, findingId: finding.id, severity: finding.severity, kind, reason });
    },
    delivery({ item, error, deferred }: Delivery): void {
      if (!error) log.info('email sent', { transport, ...about(item) });
      else if (deferred) log.warn('email deferred', { ...about(item), reason: error.message });
      else if (error instanceof DeliveryError) {
        log.error('delivery failed', { ...about(item), transport: error.transport, transient: error.transient, reason: error.message });
      } else log.error('unexpected failure', { ...about(item), error });
    },
    renderFailed(failure: RenderFailure): void {
      const [input] = failure.inputs;
      log.error('render failed', { input, inputCount: failure.inputs.length, findingCount: failure.findings.length, error: failure.error });
    },
    unexpected(error: unknown): void {
      log.error('unexpected failure', { error });
    },
    batch(counts: NotifierCounts, records: number, failedRecords: number): void {
      log.info('batch done', { records, failedRecords, ...counts });
    },
  };
}

/** What an email is about: ids, kind, severity and route, never addresses or bodies. */
function about(item: BatchEmail): Record<string, unknown> {
  const n = item.email.notification;
  const [input] = item.inputs;
  const base = { input, eventId: n.trigger.eventId, kind: n.kind, route: item.route.name };
  if (n.kind === 'finding') return { ...base, findingId: n.finding.id, severity: n.finding.severity, reason: item.findings[0]?.reason };
  if (n.kind === 'digest') {
    return {
      ...base,
      inputCount: item.inputs.length,
      findingCount: n.findings.length,
      severity: item.email.headers['X-SecurityHub-Severity'],
    };
  }
  if (n.kind === 'summary') return { ...base, findingCount: n.summary.open };
  return { ...base, insightArn: n.insight.arn };
}
