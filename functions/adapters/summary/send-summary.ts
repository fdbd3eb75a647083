/**
 * One route's summaries in the Lambda: read the last summary, the findings (Security Hub), the
 * account directory and the notifier's dedup state; build the whole-route summary and, on an owner
 * route, one summary per account owner; send them and record each for its next one. What could not
 * be read is named in the email; only a failed whole-route send fails the invocation (EventBridge
 * Scheduler then retries it); a failed owner summary is logged and tried again next time.
 */
import { EMPTY_DIRECTORY } from '../../core/accounts/directory.js';
import { accountIdsOf, readsWithAccounts } from '../../core/accounts/with-accounts.js';
import type { NotifierConfig } from '../../core/config.js';
import type { PipelineWithSummaries, RenderedSummary } from '../../core/pipeline/pipeline.js';
import { ratePerSecond, sendDelays } from '../../core/policy/pacing.js';
import type { Route } from '../../core/policy/policy-config.js';
import type { StateStore } from '../../core/policy/state.js';
import type { LastSummary } from '../../core/summary/last-summary.js';
import { periodMs } from '../../core/summary/route-summaries.js';
import { destinationOf } from '../../notifier/deliver-emails.js';
import type { Log } from '../../notifier/notifier-log.js';
import type { DirectorySource } from '../directory/directory-source.js';
import { ownerRecipients } from '../directory/owner-destination.js';
import { describe, readSecurityHubFindings, type SecurityHubClient } from '../findings/security-hub-findings.js';
import type { Destination, Transport } from '../transport.js';
import type { SummaryState } from './summary-state.js';

export interface SummaryDeps {
  readonly config: NotifierConfig;
  readonly pipeline: PipelineWithSummaries;
  readonly transport: Transport;
  readonly securityHub: SecurityHubClient;
  readonly directory?: DirectorySource;
  readonly state?: SummaryState;
  /** The notifier's dedup state (when dedup is on): when each finding was last mailed. */
  readonly findingState?: StateStore;
  readonly log: Log;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What was sent: the route, the owner (owner summaries), its subject and open total, and what could not be read. */
export interface SentSummary {
  readonly route: string;
  readonly owner?: string;
  readonly subject: string;
  readonly open: number;
  readonly problems: readonly string[];
}

/**
 * @example await sendSummary(deps, route, new Date()) // [{ route: 'default', subject: '[Summary] ...', open: 312, problems: [] }]
 * @throws DeliveryError when the whole-route summary cannot be sent.
 */
export async function sendSummary(deps: SummaryDeps, route: Route, now: Date): Promise<SentSummary[]> {
  const { config, log } = deps;
  const routeLast = await deps.state?.get(route.name);
  const since = routeLast?.at ?? new Date(now.getTime() - periodMs((route.summary ?? config.summary)?.schedule ?? 'rate(7 days)'));
  const { findings, directory, problems: readProblems, complete } = await readFindings(deps, route, since, now);
  // Owner summaries need the directory, and SES: an SNS topic has no per-owner recipient.
  const owners = deps.directory && deps.transport.name !== 'sns' ? { directory } : {};
  const { audiences, noOwner } = deps.pipeline.summaryAudiences(findings, { only: route.name, ...owners });
  for (const skip of noOwner) {
    const message = skip.kind === 'noOwner' ? 'no account owner found' : 'too many account owners';
    log.warn(`${message}; the account is in the route summary only`, { route: skip.route, reason: skip.reason });
  }
  const last = new Map<string, LastSummary | undefined>([[route.name, routeLast]]);
  for (const { id } of audiences) if (!last.has(id)) last.set(id, await deps.state?.get(id));
  const mailed = await notifiedTimes(
    deps.findingState,
    audiences.flatMap((a) => a.findings.map((f) => f.key)),
  );
  const problems = [...readProblems, ...mailed.problems];
  for (const problem of problems) log.warn('summary source not read', { route: route.name, problem });
  const context = { now, last: (id: string) => last.get(id), complete, problems, ...(mailed.times ? { notifiedAt: mailed.times } : {}) };
  const [whole, ...ownerSummaries] = deps.pipeline.summaries(audiences, context);
  if (!whole) throw new Error(`route ${route.name} has no summary`);
  const sent = [await deliver(deps, whole, destinationOf(route), problems)];
  const delays = sendDelays(ownerSummaries.length + 1, ratePerSecond(deps.transport.name, config.policy.rate.perSecond)).slice(1);
  for (const [i, summary] of ownerSummaries.entries()) {
    await (deps.sleep ?? wait)(delays[i] ?? 0);
    const to = summary.audience.owner?.to ?? '';
    try {
      sent.push(await deliver(deps, summary, ownerRecipients(route, to), problems));
    } catch (error) {
      log.error('owner summary not sent; the next one covers its period too', { route: route.name, owner: to, reason: describe(error) });
    }
  }
  return sent;
}

/**
 * The route's findings from Security Hub (open, and closed since `since`) with their account names;
 * `complete` when every query read to its end (else new and resolved come from timestamps).
 */
async function readFindings(deps: SummaryDeps, route: Route, since: Date, now: Date) {
  const sources = (route.summary ?? deps.config.summary)?.sources ?? ['GetFindings'];
  const read = await readSecurityHubFindings(deps.securityHub, { sources, since, now });
  const raw = deps.pipeline.read(read.findings, 'Security Hub');
  const directory = deps.directory ? await deps.directory.lookup(accountIdsOf([raw])) : EMPTY_DIRECTORY;
  const [enriched = raw] = readsWithAccounts([raw], directory);
  const unreadable = raw.errors.length > 0 ? [`${raw.errors.length} findings could not be read (first: ${raw.errors[0]?.message})`] : [];
  return {
    findings: enriched.findings.map((item) => item.finding),
    directory,
    problems: [...read.problems, ...directory.problems, ...unreadable],
    complete: read.problems.length === 0 && raw.errors.length === 0,
  };
}

/** Sends one summary, then records it for the audience's next one. */
async function deliver(
  deps: SummaryDeps,
  summary: RenderedSummary,
  destination: Destination | undefined,
  problems: readonly string[],
): Promise<SentSummary> {
  const { email, audience, record } = summary;
  await (destination ? deps.transport.send(email, destination) : deps.transport.send(email));
  await deps.state?.put(audience.id, record);
  const owner = audience.owner?.to;
  deps.log.info('summary sent', { route: audience.route.name, ...(owner ? { owner } : {}), open: record.open, problems: problems.length });
  return { route: audience.route.name, ...(owner ? { owner } : {}), subject: email.subject, open: record.open, problems };
}

/** When each finding was last mailed, from the dedup state; a failure to read it is a problem line. */
async function notifiedTimes(
  store: StateStore | undefined,
  keys: readonly string[],
): Promise<{ times?: ReadonlyMap<string, string>; problems: string[] }> {
  if (!store) return { problems: [] };
  try {
    const states = await store.getMany([...new Set(keys)]);
    return { times: new Map([...states].map(([key, state]) => [key, state.notifiedAt])), problems: [] };
  } catch (error) {
    return { problems: [`notifier state (mailed findings): ${describe(error)}`] };
  }
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
