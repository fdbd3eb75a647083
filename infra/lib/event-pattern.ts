/**
 * The EventBridge patterns for the notifier's rules, as a pure function of the notifier
 * configuration. They are built from the Lambda's own filters (`FINDING_FILTERS`) and its idea of
 * a closed finding (`CLOSED_WHEN`, for resolution mails), read the way the Lambda's readers read a
 * finding (`finding-fields.ts`): every event the Lambda would mail matches; the Lambda may filter
 * more than the rule, never less. `test/infra/conformance.test.ts` holds this with AWS's event-ruler.
 */
import type { NotifierConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';
import { RECORD_STATES, SEVERITIES } from '../../functions/core/finding/model.js';
import { DETAIL_TYPES, EVENT_SOURCE, LEGACY_IMPORTED_DETAIL_TYPE } from '../../functions/core/input/event.js';
import { FINDING_FILTERS, type FindingFilterKey } from '../../functions/core/policy/filter.js';
import { CLOSED_WHEN } from '../../functions/core/policy/material-state.js';
import { ASFF_FIELDS, type FieldRule, type Fields, OCSF_FIELDS } from './finding-fields.js';

/**
 * EventBridge: an event pattern has at most 2,048 characters (4,096 on request). "Amazon EventBridge
 * quotas", https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html
 */
export const MAX_PATTERN_LENGTH = 2048;

/** An EventBridge event pattern in its JSON form (`detail-type`, not `detailType`). */
export interface EventPatternJson {
  readonly source: readonly string[];
  readonly 'detail-type': readonly string[];
  readonly resources?: readonly string[];
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One rule's pattern: the event family it matches, and the settings it leaves to the Lambda. */
export interface RulePattern {
  /** `asff` (Imported), `ocsf` (Findings Imported V2), `action` (our Custom Actions), `insight` (Insight Results). */
  readonly family: 'asff' | 'ocsf' | 'action' | 'insight';
  readonly description: string;
  readonly pattern: EventPatternJson;
  /** Settings left out to keep the pattern within {@link MAX_PATTERN_LENGTH}: the Lambda alone applies them. */
  readonly folded: readonly string[];
}

/** One narrowing of a pattern, named by the setting it comes from (what is folded when the pattern is too long). */
interface Condition {
  readonly setting: string;
  readonly fields: Fields;
}

/** The filters whose value every finding has: an empty list would let nothing through. */
const ALWAYS_SET: readonly FindingFilterKey[] = ['recordStates', 'severities', 'productNames', 'accountIds'];

/** Every value of the enumerated filters: a filter allowing all of them is left out. */
const ALL_VALUES: Partial<Record<FindingFilterKey, readonly string[]>> = {
  recordStates: RECORD_STATES,
  severities: SEVERITIES,
  // Findings without a workflow or compliance pass anyway, so allowing every status allows all.
  workflowStatuses: ['NEW', 'NOTIFIED', 'SUPPRESSED', 'RESOLVED'],
  complianceStatuses: ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'],
};

/**
 * The filter that would let no finding through (an empty list of a value every finding has), if any.
 *
 * @example emptyFilter(parseConfig({ filters: { accountIds: [] } })) // 'accountIds'
 */
export function emptyFilter(config: NotifierConfig): FindingFilterKey | undefined {
  return ALWAYS_SET.find((key) => config.filters[key]?.length === 0);
}

/**
 * Builds one pattern per event family the configuration enables. `actionArns` are the custom
 * actions the action rule matches (by ARN in `resources`, as Security Hub's docs filter them);
 * a pattern longer than {@link MAX_PATTERN_LENGTH} drops its longest filters, which the Lambda applies anyway.
 *
 * @example
 * buildRulePatterns(parseConfig({ filters: { severities: ['HIGH', 'CRITICAL'] } }), ['arn:aws:securityhub:us-east-1:111122223333:action/custom/SendByEmail'])
 * // [{ family: 'asff', pattern: { ..., detail: { findings: { Severity: { Label: ['HIGH', 'CRITICAL', { exists: false }] }, ... } } }, folded: [] }, ...]
 * @throws ConfigError when a filter list is empty (the rule would match nothing), or a pattern cannot fit.
 */
export function buildRulePatterns(config: NotifierConfig, actionArns: readonly string[] = []): RulePattern[] {
  const empty = emptyFilter(config);
  if (empty) throw new ConfigError(`config.filters.${empty}`, 'an empty list would match no finding; omit it to allow all');
  const enabled = new Set(config.detailTypes);
  const resolutions = config.policy.dedup.enabled && config.policy.dedup.notifyOnResolution;
  const patterns: RulePattern[] = [];
  if (enabled.has('imported')) {
    patterns.push(
      findingRule(
        'asff',
        'Security Hub CSPM findings (ASFF) the notifier may mail',
        [DETAIL_TYPES.imported, LEGACY_IMPORTED_DETAIL_TYPE],
        ASFF_FIELDS,
        config,
        resolutions,
      ),
    );
  }
  if (enabled.has('importedV2')) {
    patterns.push(
      findingRule(
        'ocsf',
        'Security Hub findings (OCSF) the notifier may mail',
        [DETAIL_TYPES.importedV2],
        OCSF_FIELDS,
        config,
        resolutions,
      ),
    );
  }
  if (enabled.has('customAction')) {
    const allowed = [...new Set([...actionArns, ...(config.filters.customActionArns ?? [])])];
    const conditions = allowed.length > 0 ? [{ setting: 'filters.customActionArns', fields: { resources: allowed } }] : [];
    patterns.push(
      fitWithin('action', 'Security Hub custom actions of this notifier (by ARN), sent on request', conditions, (kept) => ({
        source: [EVENT_SOURCE],
        'detail-type': [DETAIL_TYPES.customAction],
        ...merge(kept),
      })),
    );
  }
  if (enabled.has('insightResults')) {
    const pattern = { source: [EVENT_SOURCE], 'detail-type': [DETAIL_TYPES.insightResults] };
    patterns.push({
      family: 'insight',
      description: 'Security Hub insight results, sent on request and never filtered',
      pattern,
      folded: [],
    });
  }
  return patterns;
}

/** The pattern's length as EventBridge counts it: the characters of its JSON. */
export function patternLength(pattern: EventPatternJson): number {
  return JSON.stringify(pattern).length;
}

function findingRule(
  family: 'asff' | 'ocsf',
  description: string,
  detailTypes: readonly string[],
  table: Readonly<Record<FindingFilterKey, FieldRule>>,
  config: NotifierConfig,
  resolutions: boolean,
): RulePattern {
  const conditions = FINDING_FILTERS.flatMap(([key]): Condition[] => {
    const allowed: readonly string[] | undefined = config.filters[key];
    if (allowed === undefined || ALL_VALUES[key]?.every((value) => allowed.includes(value))) return [];
    const fields = table[key].admit(allowed);
    return fields ? [{ setting: `filters.${key}`, fields }] : [];
  });
  // A resolution is mailed whatever the filters say: any finding the Lambda may read as closed passes.
  const closed = resolutions ? Object.entries(CLOSED_WHEN).flatMap(([key, values]) => table[key as FindingFilterKey].possibly(values)) : [];
  return fitWithin(family, description, conditions, (kept) => {
    const filters = merge(kept);
    const findings = Object.keys(filters).length === 0 || closed.length === 0 ? filters : { $or: [filters, ...closed] };
    return {
      source: [EVENT_SOURCE],
      'detail-type': [...detailTypes],
      ...(Object.keys(findings).length === 0 ? {} : { detail: { findings } }),
    };
  });
}

/** The pattern with every condition that fits: the longest ones are folded into the Lambda until it does. */
function fitWithin(
  family: RulePattern['family'],
  description: string,
  conditions: readonly Condition[],
  build: (kept: readonly Condition[]) => EventPatternJson,
): RulePattern {
  const kept = [...conditions];
  const folded: string[] = [];
  let pattern = build(kept);
  while (patternLength(pattern) > MAX_PATTERN_LENGTH) {
    const longest = kept.reduce<Condition | undefined>((a, c) => (!a || size(c) > size(a) ? c : a), undefined);
    if (!longest) {
      throw new ConfigError('config', `the ${family} rule's pattern has ${patternLength(pattern)} characters even without filters`);
    }
    kept.splice(kept.indexOf(longest), 1);
    folded.push(longest.setting);
    pattern = build(kept);
  }
  return { family, description, pattern, folded };
}

function size(condition: Condition): number {
  return JSON.stringify(condition.fields).length;
}

/** The conditions' fields in one object; nested objects (`Compliance`, `cloud.account`) are merged. */
function merge(conditions: readonly Condition[]): Fields {
  const merged: Fields = {};
  for (const { fields } of conditions) deepMerge(merged, fields);
  return merged;
}

function deepMerge(target: Fields, source: Fields): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isFields(existing) && isFields(value)) deepMerge(existing, value);
    else target[key] = isFields(value) ? structuredClone(value) : value;
  }
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
