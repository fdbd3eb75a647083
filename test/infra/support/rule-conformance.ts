/**
 * What the rule conformance suite needs around a synthesized stack: its rules as deployed (intrinsic
 * functions resolved for one account and Region), the configuration its function really reads, and
 * whether that function would mail an event, computed with the real pipeline.
 */
import { readLambdaConfig } from '../../../functions/adapters/lambda-config.js';
import type { NotifierConfig } from '../../../functions/core/config.js';
import { decodeInput } from '../../../functions/core/input/decode.js';
import { looksLikeEvent } from '../../../functions/core/input/envelope.js';
import { eventBridgeJson } from '../../../functions/core/input/synthetic-event.js';
import { createEventPipeline } from '../../../functions/core/pipeline/pipeline.js';
import type { StoredState } from '../../../functions/core/policy/state.js';
import { renderer } from '../../../functions/core/render/prebuilt.js';
import type { DeployConfig } from '../../../infra/lib/deploy-config.js';
import { shippedConfig } from './function-config.js';
import { synthNotifier } from './synth.js';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
};

/** A template value with `Ref` to pseudo parameters and `Fn::Join` resolved, as CloudFormation would. */
export function resolveIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveIntrinsics);
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  if (typeof object.Ref === 'string' && PSEUDO[object.Ref] !== undefined) return PSEUDO[object.Ref];
  const join = object['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map(resolveIntrinsics).join(join[0]);
  return Object.fromEntries(Object.entries(object).map(([key, inner]) => [key, resolveIntrinsics(inner)]));
}

/** One deployed notifier as the conformance suite sees it. */
export interface DeployedNotifier {
  /** Rule logical id -> its event pattern, as EventBridge gets it. */
  readonly rules: Readonly<Record<string, unknown>>;
  /** The configuration the function parses at cold start (the shipped file with its environment laid over). */
  readonly config: NotifierConfig;
  /** The ARN of the stack's own custom action. */
  readonly actionArn: string;
}

/** Synthesizes a one-notifier deployment and reads back its rules and its function's configuration. */
export function deployNotifier(deploy: DeployConfig): DeployedNotifier {
  const { template, outdir } = synthNotifier(deploy);
  const rules = Object.fromEntries(
    Object.entries(template.findResources('AWS::Events::Rule')).map(([id, rule]) => [id, resolveIntrinsics(rule.Properties.EventPattern)]),
  );
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
  const variables = resolveIntrinsics(fn?.Properties.Environment.Variables) as Record<string, string | undefined>;
  // The tables, queue and topic are resources of the stack: stand-ins with the names they would have.
  const env = {
    ...variables,
    NOTIFIER_CONFIG: JSON.stringify(shippedConfig(fn, outdir)),
    NOTIFIER_STATE_TABLE: 'state-table',
    NOTIFIER_WINDOW_TABLE: 'window-table',
    NOTIFIER_FLUSH_QUEUE_URL: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/flush`,
    ...(variables.NOTIFIER_TOPIC_ARN === undefined ? {} : { NOTIFIER_TOPIC_ARN: `arn:aws:sns:${REGION}:${ACCOUNT}:delivery` }),
  };
  return { rules, config: readLambdaConfig(env), actionArn: String(variables.NOTIFIER_ACTION_ARN) };
}

/** The EventBridge events a fixture stands for: an event as it is, a bare finding wrapped as Security Hub would send it. */
export function eventsOf(json: unknown, name: string): unknown[] {
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && looksLikeEvent(json as Record<string, unknown>)) return [json];
  return decodeInput(json, name).map((event) => eventBridgeJson(event, { account: ACCOUNT, region: REGION, time: '2025-06-01T12:00:00Z' }));
}

/**
 * Whether the function would mail anything for this event: with no state stored, or with every
 * finding of it notified long ago while open (so a change, a repeat or a resolution is due).
 */
export function wouldMail(config: NotifierConfig, event: unknown): boolean {
  const pipeline = createEventPipeline(config, renderer);
  const read = pipeline.read(event, 'event');
  const now = new Date('2030-01-01T00:00:00Z');
  const notifiedLongAgo = new Map(read.findings.map(({ finding }) => [finding.key, openRecord(finding.key, finding.severity)]));
  return [new Map<string, StoredState>(), notifiedLongAgo].some((prior) => pipeline.batch([read], { now, prior }).emails.length > 0);
}

function openRecord(key: string, severity: StoredState['state']['severity']): StoredState {
  const at = '2020-01-01T00:00:00.000Z';
  return {
    key,
    state: { severity, complianceStatus: 'FAILED', workflowStatus: 'NEW', recordState: 'ACTIVE' },
    notifiedAt: at,
    firstNotifiedAt: at,
    expiresAt: 4_000_000_000,
  };
}
