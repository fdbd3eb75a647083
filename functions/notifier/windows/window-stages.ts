/**
 * The two stages of the delivery windows, wired once per cold start over one DynamoDB client and
 * one flush scheduler. `create-handler.ts` loads this module only when the windows are configured,
 * so a handler without them never loads the DynamoDB SDK for them.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DirectorySource } from '../../adapters/directory/directory-source.js';
import type { Destination, Transport } from '../../adapters/transport.js';
import { createFindingClaims } from '../../adapters/windows/finding-claims.js';
import { createSendBudget } from '../../adapters/windows/send-budget.js';
import { createWindowTable } from '../../adapters/windows/window-table.js';
import type { NotifierConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import type { Pipeline } from '../../core/pipeline/pipeline.js';
import { ratePerSecond } from '../../core/policy/pacing.js';
import type { StateStore } from '../../core/policy/state.js';
import type { Delivery } from '../deliver-emails.js';
import type { NotifierCounts } from '../metrics.js';
import type { createNotifierLog, Log } from '../notifier-log.js';
import { reserveSlot } from './context.js';
import { type FlushResult, flush } from './flush.js';
import type { FlushMessage, FlushScheduler } from './flush-message.js';
import { type IngestRecord, ingest } from './ingest.js';

export interface WindowStagesDeps {
  readonly config: NotifierConfig;
  readonly pipeline: Pipeline;
  readonly transport: Transport;
  readonly store: StateStore | undefined;
  readonly dynamo: DynamoDBClient;
  readonly flushes: FlushScheduler;
  readonly log: ReturnType<typeof createNotifierLog>;
  /** Account names, tags and owners; its problems are logged to `accountsLog`. */
  readonly directory?: DirectorySource;
  readonly accountsLog: Pick<Log, 'warn'>;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onDelivery?: (delivery: Delivery) => void;
}

export interface WindowStages {
  ingest(records: readonly IngestRecord[]): Promise<NotifierCounts>;
  flush(message: FlushMessage, deadline: number): Promise<FlushResult>;
  /** A slot of the shared send budget for an email mailed outside the windows (a person's selection, an insight). */
  reserve(destination: Destination | undefined, deadline: number): Promise<number | undefined>;
}

/**
 * @throws ConfigError when the windows lack one of their tables.
 * @example const stages = createWindowStages({ config, pipeline, transport, store, dynamo, flushes, log, now, sleep });
 */
export function createWindowStages(deps: WindowStagesDeps): WindowStages {
  const { config, store } = deps;
  if (!config.windowTable || !config.stateTable || !store) {
    throw new ConfigError('config.windowTable', 'the delivery windows need both tables: windowTable and stateTable');
  }
  const context = {
    config,
    pipeline: deps.pipeline,
    transport: deps.transport,
    store,
    table: createWindowTable(deps.dynamo, config.windowTable),
    claims: createFindingClaims(deps.dynamo, config.stateTable),
    flushes: deps.flushes,
    budget: createSendBudget(deps.dynamo, config.windowTable, ratePerSecond(deps.transport.name, config.policy.rate.perSecond)),
    log: deps.log,
    accounts: { ...(deps.directory ? { directory: deps.directory } : {}), log: deps.accountsLog },
    now: deps.now,
    sleep: deps.sleep,
    ...(deps.onDelivery ? { onDelivery: deps.onDelivery } : {}),
  };
  return {
    ingest: (records) => ingest(context, records),
    flush: (message, deadline) => flush(context, message, deadline),
    reserve: (destination, deadline) => reserveSlot(context, destination, deadline),
  };
}
