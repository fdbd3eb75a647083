/**
 * The summary Lambda entry point, bundled on its own with only the summary templates (see
 * infra/lib/summary-schedule.ts). EventBridge Scheduler invokes it with `{"route": "<name>"}`, one
 * schedule per route; without a route, every route's summary is sent. Wiring once per cold start,
 * as in handler.ts.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { STATE_CLIENT_OPTIONS } from './adapters/create-state-store.js';
import { createTransport, SDK_CLIENT_OPTIONS } from './adapters/create-transport.js';
import { createLambdaDirectory } from './adapters/directory/create-directory.js';
import { SecurityHubClient } from './adapters/findings/security-hub-findings.js';
import { readLambdaConfig } from './adapters/lambda-config.js';
import { type SentSummary, type SummaryDeps, sendSummary } from './adapters/summary/send-summary.js';
import { createSummaryState } from './adapters/summary/summary-state.js';
import { ConfigError } from './core/errors.js';
import { createPipeline } from './core/pipeline/pipeline.js';
import { summaryRenderer } from './core/render/prebuilt-summary.js';
import { summaryRoutes } from './core/summary/summary-audiences.js';
import { METRICS_SERVICE } from './notifier/metrics.js';

const logger = new Logger({ serviceName: `${METRICS_SERVICE}-summary` });
const config = readLambdaConfig(process.env);
const ready = wire();
ready.catch(() => undefined); // reported by the first invocation, which awaits it

async function wire(): Promise<SummaryDeps> {
  const [transport, directory] = await Promise.all([createTransport(config), createLambdaDirectory(config, logger)]);
  const client = config.stateTable ? new (await import('@aws-sdk/client-dynamodb')).DynamoDBClient(STATE_CLIENT_OPTIONS) : undefined;
  const state = client && config.stateTable ? createSummaryState(client, config.stateTable, logger) : undefined;
  // "Mailed since the last summary" reads the dedup state the alert function writes (only kept with dedup on).
  const findingState =
    client && config.stateTable && config.policy.dedup.enabled
      ? (await import('./adapters/state/dynamodb-store.js')).createDynamoStateStore({ client, tableName: config.stateTable })
      : undefined;
  return {
    config,
    pipeline: createPipeline(config, summaryRenderer),
    transport,
    securityHub: new SecurityHubClient(SDK_CLIENT_OPTIONS),
    log: logger,
    ...(directory ? { directory } : {}),
    ...(state ? { state } : {}),
    ...(findingState ? { findingState } : {}),
  };
}

export interface SummaryEvent {
  /** The route whose summary to send; every route's when absent. */
  readonly route?: string;
}

/** Sends the route's summaries (whole route, and each owner's); throws when a whole-route one cannot be sent, so the scheduler retries. */
export async function handler(event: SummaryEvent | undefined): Promise<{ readonly sent: readonly SentSummary[] }> {
  const deps = await ready;
  const routes = summaryRoutes(config, event?.route);
  if (routes.length === 0) throw new ConfigError('route', `no route named ${JSON.stringify(event?.route)} has a summary`);
  const now = new Date();
  const sent: SentSummary[] = [];
  for (const route of routes) sent.push(...(await sendSummary(deps, route, now)));
  return { sent };
}
