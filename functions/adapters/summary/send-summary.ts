/**
 * One route's summary in the Lambda: read the last summary, the findings (Security Hub) and the
 * account directory, build and send the email, record it. What could not be read is named in the
 * email; only a failed send fails the invocation (EventBridge Scheduler then retries it).
 */
import { EMPTY_DIRECTORY } from '../../core/accounts/directory.js';
import { accountIdsOf, readsWithAccounts } from '../../core/accounts/with-accounts.js';
import type { NotifierConfig } from '../../core/config.js';
import type { PipelineWithSummaries } from '../../core/pipeline.js';
import type { Route } from '../../core/policy/policy-config.js';
import { periodMs } from '../../core/summary/route-summaries.js';
import { destinationOf } from '../deliver-window.js';
import type { DirectorySource } from '../directory/directory-source.js';
import { readSecurityHubFindings, type SecurityHubClient } from '../findings/security-hub-findings.js';
import type { Transport } from '../transport.js';
import type { Log } from '../window-log.js';
import type { SummaryState } from './summary-state.js';

export interface SummaryDeps {
  readonly config: NotifierConfig;
  readonly pipeline: PipelineWithSummaries;
  readonly transport: Transport;
  readonly securityHub: SecurityHubClient;
  readonly directory?: DirectorySource;
  readonly state?: SummaryState;
  readonly log: Log;
}

/** What was sent: the route, its subject and open total, and what could not be read. */
export interface SentSummary {
  readonly route: string;
  readonly subject: string;
  readonly open: number;
  readonly problems: readonly string[];
}

/**
 * @example await sendSummary(deps, route, new Date()) // { route: 'default', subject: '[Summary] ...', open: 312, problems: [] }
 * @throws DeliveryError when the email cannot be sent.
 */
export async function sendSummary(deps: SummaryDeps, route: Route, now: Date): Promise<SentSummary> {
  const { config } = deps;
  const schedule = route.summary ?? config.summary;
  const last = await deps.state?.get(route.name);
  const since = last?.at ?? new Date(now.getTime() - periodMs(schedule?.schedule ?? 'rate(7 days)'));
  const read = await readSecurityHubFindings(deps.securityHub, { sources: schedule?.sources ?? ['GetFindings'], since, now });
  const raw = deps.pipeline.read(read.findings, 'Security Hub');
  const directory = deps.directory ? await deps.directory.lookup(accountIdsOf([raw])) : EMPTY_DIRECTORY;
  const [enriched = raw] = readsWithAccounts([raw], directory);
  const unreadable = raw.errors.length > 0 ? [`${raw.errors.length} findings could not be read (first: ${raw.errors[0]?.message})`] : [];
  const problems = [...read.problems, ...directory.problems, ...unreadable];
  const [planned] = deps.pipeline.summaries(
    enriched.findings.map((item) => item.finding),
    { now, since: () => since, previousOpen: () => last?.open, problems },
    route.name,
  );
  if (!planned) throw new Error(`route ${route.name} has no summary`);
  const destination = destinationOf(route);
  await (destination ? deps.transport.send(planned.email, destination) : deps.transport.send(planned.email));
  const open = Number(planned.email.headers['X-SecurityHub-Finding-Count'] ?? 0);
  await deps.state?.put(route.name, { at: now, open });
  for (const problem of problems) deps.log.warn('summary source not read', { route: route.name, problem });
  deps.log.info('summary sent', { route: route.name, open, problems: problems.length });
  return { route: route.name, subject: planned.email.subject, open, problems };
}
