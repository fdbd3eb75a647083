/**
 * The batch notifier: runs every input of one batch (an SQS batch, a replay run)
 * through the pipeline and the transport: read, claim event ids (Lambda), read the prior dedup
 * state, plan, send paced, write the new state, release claims of failed emails, log the counts.
 * Never throws for bad input, failed deliveries or an unreachable state store.
 */

import { applyDirectory } from '../adapters/directory/apply-directory.js';
import type { DirectorySource } from '../adapters/directory/directory-source.js';
import type { Destination, Transport } from '../adapters/transport.js';
import { InvalidEventError } from '../core/errors.js';
import type { BatchOutput, InputRead, Pipeline } from '../core/pipeline/pipeline.js';
import { batchCounts } from '../core/policy/counts.js';
import { type Skipped, statesToWrite } from '../core/policy/plan-batch.js';
import type { StateStore } from '../core/policy/state.js';
import { claimEvents } from './claim-events.js';
import { type Delivery, deliverEmails } from './deliver-emails.js';
import type { NotifierCounts } from './metrics.js';
import { createNotifierLog, type Log } from './notifier-log.js';

export type { Log } from './notifier-log.js';

/** One input of the batch: `json` is the parsed body, or a `SyntaxError` when it was not JSON. */
export interface RawInput {
  readonly input: string;
  readonly json: unknown;
}

export interface BatchReport {
  readonly reads: readonly InputRead[];
  readonly output: BatchOutput;
  readonly deliveries: readonly Delivery[];
  /** Findings of events already processed (Lambda redeliveries). */
  readonly redelivered: readonly Skipped[];
  /** Inputs to report as failed: unreadable, or carried by an email that was not delivered. */
  readonly failedInputs: ReadonlySet<string>;
  readonly counts: NotifierCounts;
}

export interface NotifierDeps {
  readonly pipeline: Pipeline;
  readonly transport: Transport;
  readonly log: Log;
  /** The dedup state (wrap it in `withFallback`); none: every finding looks new. */
  readonly store?: StateStore;
  /** Claim event ids in the store (Lambda); replay relies on material-change dedup instead. */
  readonly claimEvents?: boolean;
  /** Emails a second. */
  readonly perSecond: number;
  readonly now: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The send budget shared by all invocations: the ms to wait for the email's slot, `undefined` to
   * defer it (see `deliverEmails`); without it, `perSecond` paces this batch alone.
   */
  readonly reserve?: (destination: Destination | undefined, deadline: number) => Promise<number | undefined>;
  readonly onDelivery?: (delivery: Delivery) => void;
  /** Account names, tags and owners; none: findings keep what they carry, routes send to their own recipients. */
  readonly directory?: DirectorySource;
}

export interface Notifier {
  notify(inputs: readonly RawInput[], remainingMs?: () => number): Promise<BatchReport>;
}

/**
 * @example
 * const notifier = createNotifier({ pipeline, transport, log: logger, store, claimEvents: true, perSecond: 10, now: () => new Date() });
 * const { failedInputs } = await notifier.notify(records.map((r) => ({ input: r.messageId, json: parse(r.body) })));
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const { pipeline, store, reserve } = deps;
  const log = createNotifierLog(deps.log, deps.transport.name);
  return {
    async notify(inputs, remainingMs) {
      const raw = inputs.map(({ input, json }) =>
        json instanceof SyntaxError
          ? { input, findings: [], insights: [], errors: [new InvalidEventError(input, '', `body is not JSON (${json.message})`)] }
          : pipeline.read(json, input),
      );
      // Account names and tags before the batch: routes match on account tags (never fails: see DirectorySource).
      const { reads, destinationFor } = await applyDirectory(deps.directory, raw, deps.log);
      for (const read of reads) for (const error of read.errors) log.invalid(error, idOf(inputs, read.input));
      const deadline = remainingMs ? new Date(deps.now().getTime() + remainingMs()) : undefined;
      const claims =
        store && deps.claimEvents ? await claimEvents(store, reads, deadline) : { reads, redelivered: [], claimed: new Set<string>() };
      const keys = [...new Set(claims.reads.flatMap((r) => r.findings.map((f) => f.finding.key)))];
      const prior = store && keys.length > 0 ? await store.getMany(keys) : new Map();
      let output: BatchOutput;
      try {
        output = pipeline.batch(claims.reads, { now: deps.now(), prior });
      } catch (error) {
        log.unexpected(error);
        if (store) await forgetAll(store, claims.claimed);
        throw error;
      }
      for (const skip of [...claims.redelivered, ...output.plan.skipped]) log.skipped(skip);
      const deliveries = await deliverEmails(output.emails, {
        transport: deps.transport,
        perSecond: deps.perSecond,
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(remainingMs ? { remainingMs } : {}),
        destinationFor,
        ...(reserve && deadline ? { reserve: (destination: Destination | undefined) => reserve(destination, deadline.getTime()) } : {}),
        onDelivery: (delivery) => {
          log.delivery(delivery);
          deps.onDelivery?.(delivery);
        },
      });
      // Each planned notification is one email: its findings' state is written when it went out.
      const delivered = new Set(deliveries.flatMap((d) => (d.error || d.item.planIndex === undefined ? [] : [d.item.planIndex])));
      if (store) await store.putMany(statesToWrite(output.plan, delivered));
      for (const failure of output.renderFailures) log.renderFailed(failure);
      const failedEmails = [...deliveries.filter((d) => d.error), ...output.renderFailures.map((item) => ({ item }))];
      const release = new Set(failedEmails.flatMap((d) => d.item.eventIds).filter((id) => claims.claimed.has(id)));
      if (store) await forgetAll(store, release);
      // "Done" only now, after delivery: until then the claim lapses at the deadline.
      if (store && deadline) await Promise.all([...claims.claimed].filter((id) => !release.has(id)).map((id) => store.completeEvent(id)));
      const failedInputs = new Set([
        ...reads.filter((r) => r.errors.length > 0).map((r) => r.input),
        ...failedEmails.flatMap((d) => d.item.inputs),
      ]);
      const planned = batchCounts(output.plan);
      const counts: NotifierCounts = {
        ...planned,
        received: planned.received + claims.redelivered.length,
        deduplicated: planned.deduplicated + claims.redelivered.length,
        sent: deliveries.filter((d) => !d.error).length,
        failed: failedEmails.length + reads.reduce((sum, r) => sum + r.errors.length, 0),
      };
      log.batch(counts, inputs.length, failedInputs.size);
      return { reads, output, deliveries, redelivered: claims.redelivered, failedInputs, counts };
    },
  };
}

function idOf(inputs: readonly RawInput[], input: string): string | undefined {
  const json = inputs.find((r) => r.input === input)?.json;
  const id = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 128) : undefined;
}

/** Releases event claims in parallel (a redelivery is then processed again). */
async function forgetAll(store: StateStore, ids: Iterable<string>): Promise<void> {
  await Promise.all([...ids].map((id) => store.releaseEvent(id)));
}
