import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';
import { buildRulePatterns, MAX_PATTERN_LENGTH, patternLength, type RulePattern } from '../../infra/lib/event-pattern.js';

const OWN_ACTION = 'arn:aws:securityhub:us-east-1:111122223333:action/custom/SendByEmail';
const ABSENT = { exists: false };

function family(patterns: RulePattern[], name: RulePattern['family']): RulePattern {
  const found = patterns.find((p) => p.family === name);
  if (!found) throw new Error(`no ${name} pattern`);
  return found;
}

describe('buildRulePatterns', () => {
  it('matches aws.securityhub with one rule per event family for the default configuration', () => {
    const patterns = buildRulePatterns(parseConfig({}), [OWN_ACTION]);

    expect(patterns.map((p) => p.family)).toEqual(['asff', 'ocsf', 'action', 'insight']);
    for (const { pattern } of patterns) expect(pattern.source).toEqual(['aws.securityhub']);
    expect(family(patterns, 'asff').pattern['detail-type']).toEqual(['Security Hub Findings - Imported', 'Security Hub Findings']);
    expect(family(patterns, 'ocsf').pattern['detail-type']).toEqual(['Findings Imported V2']);
    expect(family(patterns, 'insight').pattern).toEqual({ source: ['aws.securityhub'], 'detail-type': ['Security Hub Insight Results'] });
  });

  it("matches custom actions by ARN: the stack's own and the configured ones, never another tool's", () => {
    const other = 'arn:aws:securityhub:us-east-1:111122223333:action/custom/Ticket';
    const patterns = buildRulePatterns(parseConfig({ filters: { customActionArns: [other] } }), [OWN_ACTION]);

    expect(family(patterns, 'action').pattern).toEqual({
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Custom Action'],
      resources: [OWN_ACTION, other],
    });
  });

  it('pushes the default ASFF filters into the pattern, letting findings without workflow, compliance or record state through', () => {
    const asff = family(buildRulePatterns(parseConfig({})), 'asff').pattern;

    expect(asff.detail).toEqual({
      findings: {
        RecordState: ['ACTIVE', ABSENT],
        Workflow: { Status: ['NEW', 'NOTIFIED', ABSENT] },
        Compliance: { Status: ['FAILED', 'WARNING', 'NOT_AVAILABLE', ABSENT] },
      },
    });
  });

  it('lets findings without Severity.Label or ProductName through: the function derives them from other fields', () => {
    const config = parseConfig({
      filters: { severities: ['HIGH', 'CRITICAL'], productNames: ['GuardDuty'], accountIds: ['111122223333'] },
    });
    const findings = family(buildRulePatterns(config), 'asff').pattern.detail?.findings;

    expect(findings).toMatchObject({
      Severity: { Label: ['HIGH', 'CRITICAL', ABSENT] },
      ProductName: ['GuardDuty', '', ABSENT],
      AwsAccountId: ['111122223333'],
    });
  });

  it('leaves a filter out when it allows every value (record states, workflow, compliance, severity)', () => {
    const config = parseConfig({
      filters: {
        recordStates: ['ACTIVE', 'ARCHIVED'],
        workflowStatuses: ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'],
        complianceStatuses: ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'],
      },
    });
    const patterns = buildRulePatterns(config);

    expect(family(patterns, 'asff').pattern).not.toHaveProperty('detail');
    expect(family(patterns, 'ocsf').pattern).not.toHaveProperty('detail');
  });

  it('reads OCSF by id as the reader does; an Unknown (0) or Other (99) id leaves the caption to the function', () => {
    const config = parseConfig({
      filters: { severities: ['HIGH', 'CRITICAL'], productNames: ['Inspector'], accountIds: ['111122223333'] },
    });
    const findings = family(buildRulePatterns(config), 'ocsf').pattern.detail?.findings;

    expect(findings).toEqual({
      activity_id: [{ 'anything-but': [3] }, ABSENT],
      status_id: [1, 2, { 'anything-but': [1, 2, 3, 4, 5] }, ABSENT],
      compliance: { status_id: [2, 3, { 'anything-but': [1, 2, 3] }, ABSENT] },
      severity_id: [4, 5, 6, { 'anything-but': [1, 2, 3, 4, 5, 6] }, ABSENT],
      metadata: { product: { name: ['Inspector', '', ABSENT] } },
      cloud: { account: { uid: ['111122223333'] } },
    });
  });

  it('with notifyOnResolution, also lets through every finding the function may read as closed, whatever the filters', () => {
    const config = parseConfig({ filters: { severities: ['CRITICAL'] }, policy: { dedup: { notifyOnResolution: true } } });
    const findings = family(buildRulePatterns(config), 'asff').pattern.detail?.findings as { $or: unknown[] };

    expect(findings.$or.slice(1)).toEqual([
      { RecordState: ['ARCHIVED'] },
      { Workflow: { Status: ['RESOLVED', 'SUPPRESSED'] } },
      { WorkflowState: [{ 'equals-ignore-case': 'DEFERRED' }, { 'equals-ignore-case': 'RESOLVED' }] },
      { Compliance: { Status: ['PASSED'] } },
    ]);
  });

  it('builds rules only for the enabled detail-types', () => {
    const patterns = buildRulePatterns(parseConfig({ detailTypes: ['imported', 'customAction'] }), [OWN_ACTION]);

    expect(patterns.map((p) => p.family)).toEqual(['asff', 'action']);
  });

  it.each([
    ['workflowStatuses', { workflowStatuses: [] }],
    ['complianceStatuses', { complianceStatuses: [] }],
  ])('never writes an empty match list (EventBridge refuses it) when no %s value is allowed', (_name, filters) => {
    for (const notifyOnResolution of [false, true]) {
      const patterns = buildRulePatterns(parseConfig({ filters, policy: { dedup: { notifyOnResolution } } }));

      expect(patterns.map((p) => p.family)).toEqual(expect.arrayContaining(['asff', 'ocsf']));
      expect(JSON.stringify(patterns.map((p) => p.pattern))).not.toContain('[]');
    }
  });

  it('matches only findings without compliance when no compliance status is allowed', () => {
    const asff = family(buildRulePatterns(parseConfig({ filters: { complianceStatuses: [] } })), 'asff').pattern;

    expect(asff.detail?.findings).toMatchObject({ Compliance: { Status: [ABSENT] } });
  });

  it.each([
    ['severities', { severities: [] }],
    ['productNames', { productNames: [] }],
    ['accountIds', { accountIds: [] }],
    ['recordStates', { recordStates: [] }],
  ])('refuses an empty %s list, which would match nothing', (name, filters) => {
    const build = () => buildRulePatterns(parseConfig({ filters }));

    expect(build).toThrow(ConfigError);
    expect(build).toThrow(expect.objectContaining({ setting: `config.filters.${name}` }));
  });

  it('folds a filter that would pass 2,048 characters into the function, and says which', () => {
    const accountIds = Array.from({ length: 140 }, (_, i) => String(100000000000 + i));
    const patterns = buildRulePatterns(parseConfig({ filters: { accountIds, severities: ['HIGH', 'CRITICAL'] } }), [OWN_ACTION]);

    for (const { pattern } of patterns) expect(patternLength(pattern)).toBeLessThanOrEqual(MAX_PATTERN_LENGTH);
    expect(patterns.map((p) => p.folded)).toEqual([['filters.accountIds'], ['filters.accountIds'], [], []]);
    // The shorter filters stay in the pattern.
    expect(family(patterns, 'asff').pattern.detail?.findings).toMatchObject({ Severity: { Label: ['HIGH', 'CRITICAL', ABSENT] } });
    expect(family(patterns, 'asff').pattern.detail?.findings).not.toHaveProperty('AwsAccountId');
  });

  it('keeps a filter that fits: 100 account ids', () => {
    const accountIds = Array.from({ length: 100 }, (_, i) => String(100000000000 + i));
    const asff = family(buildRulePatterns(parseConfig({ filters: { accountIds } })), 'asff');

    expect(asff.folded).toEqual([]);
    expect(asff.pattern.detail?.findings).toMatchObject({ AwsAccountId: accountIds });
  });
});
