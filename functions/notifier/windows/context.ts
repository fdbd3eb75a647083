/**
 * What the ingest and the flush share: the configuration, the pipeline, the stores, the clock and
 * the send budget, plus the one rule that reschedules a window (`scheduleWindows`).
 */

import type { DirectorySource } from '../../adapters/directory/directory-source.js';
import { type Destination, recipientsFor, type Transport } from '../../adapters/transport.js';
import type { FindingClaims } from '../../adapters/windows/finding-claims.js';
import type { SendBudget } from '../../adapters/windows/send-budget.js';
import type { WindowTable } from '../../adapters/windows/window-table.js';
import type { NotifierConfig } from '../../core/config.js';
import type { Severity } from '../../core/finding/model.js';
import type { Pipeline } from '../../core/pipeline/pipeline.js';
import type { StateStore } from '../../core/policy/state.js';
import { flushDue, needsSchedule } from '../../core/policy/window-timing.js';
import type { Delivery } from '../deliver-emails.js';
import type { createNotifierLog, Log } from '../notifier-log.js';
import { delaySeconds, type FlushScheduler } from './flush-message.js';

/**
 * A window whose flush is this late may have lost its flush message (or it is in the dead-letter
 * queue): the next finding of the group schedules a new one. Being wrong costs one extra message:
 * the flush claim lets one flusher in at a time, and a message for a superseded `dueAt` does nothing.
 */
export const OVERDUE_MS = 10 * 60_000;

/** Time kept back before the invocation's deadline: no send starts later. */
export const SEND_MARGIN_MS = 5_000;

export interface PlanContext {
  readonly config: NotifierConfig;
  readonly pipeline: Pipeline;
  readonly transport: Transport;
  readonly store: StateStore;
  readonly table: WindowTable;
  readonly claims: FindingClaims;
  readonly flushes: FlushScheduler;
  readonly budget: SendBudget;
  readonly log: ReturnType<typeof createNotifierLog>;
  /** Account names, tags and owners (see `applyDirectory`), with the log its problems go to. */
  readonly accounts: { readonly directory?: DirectorySource; readonly log: Pick<Log, 'warn'> };
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onDelivery?: (delivery: Delivery) => void;
}

/**
 * Makes sure each group has a flush scheduled early enough for its newly pending severities: the
 * flush message goes first, then the window's `dueAt` (a crash in between leaves a stale message,
 * never a window without one).
 */
export async function scheduleWindows(context: PlanContext, groups: ReadonlyMap<string, readonly Severity[]>): Promise<void> {
  if (groups.size === 0) return;
  const windows = await context.table.windows([...groups.keys()]);
  const config = context.config.policy.window;
  await Promise.all(
    [...groups].map(async ([group, severities]) => {
      let current = windows.get(group);
      for (let attempt = 0; attempt < 4; attempt++) {
        const nowMs = context.now().getTime();
        const due = flushDue(severities, nowMs, current?.quietUntil, config);
        if (!needsSchedule(current?.dueAt, due, nowMs, OVERDUE_MS)) return;
        await context.flushes.schedule({ group, dueAt: due }, delaySeconds(due, nowMs));
        if (await context.table.setDue(group, due, current?.dueAt)) return;
        current = (await context.table.windows([group])).get(group);
      }
      throw new Error(`window ${JSON.stringify(group)}: could not schedule its flush (too many concurrent writers)`);
    }),
  );
}

/**
 * Takes one email's slot of the shared budget: resolves with the ms to wait for it, or `undefined`
 * to defer the email (no slot before `deadline` less the margin). SNS: one unit per email, one
 * budget per topic; SES: one unit per recipient, one budget for the account.
 */
export async function reserveSlot(
  context: Pick<PlanContext, 'config' | 'transport' | 'budget' | 'now'>,
  destination: Destination | undefined,
  deadline: number,
): Promise<number | undefined> {
  const { config } = context;
  const nowMs = context.now().getTime();
  const [key, units] =
    context.transport.name === 'sns'
      ? [`sns#${destination?.topicArn ?? config.sns?.topicArn ?? ''}`, 1]
      : ['ses', recipientCount(config, destination)];
  const slot = await context.budget.reserve(key, units, nowMs, deadline - SEND_MARGIN_MS);
  return slot === undefined ? undefined : Math.max(0, slot - nowMs);
}

function recipientCount(config: NotifierConfig, destination: Destination | undefined): number {
  const { to, cc = [] } = recipientsFor({ to: config.ses?.to ?? [], cc: config.ses?.cc ?? [] }, destination);
  return Math.max(1, to.length + cc.length);
}
