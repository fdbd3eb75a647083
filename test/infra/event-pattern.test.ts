import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';
import { buildRulePatterns, type RulePattern } from '../../infra/lib/event-pattern.js';

function family(patterns: RulePattern[], name: RulePattern['family']): RulePattern['pattern'] {
  const found = patterns.find((p) => p.family === name);
  if (!found) throw new Error(`no ${name} pattern`);
  return found.pattern;
}

describe('buildRulePatterns', () => {
  it('matches aws.securityhub with one rule per event family for the default configuration', () => {
    const patterns = buildRulePatterns(parseConfig({}));

    expect(patterns.map((p) => p.family)).toEqual(['asff', 'ocsf', 'manual']);
    for (const { pattern } of patterns) expect(pattern.source).toEqual(['aws.securityhub']);
    expect(family(patterns, 'asff')['detail-type']).toEqual(['Security Hub Findings - Imported']);
    expect(family(patterns, 'ocsf')['detail-type']).toEqual(['Findings Imported V2']);
    expect(family(patterns, 'manual')).toEqual({
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Custom Action', 'Security Hub Insight Results'],
    });
  });

  it('pushes the default ASFF filters into the pattern, letting findings without workflow or compliance through', () => {
    const asff = family(buildRulePatterns(parseConfig({})), 'asff');

    expect(asff.detail).toEqual({
      findings: {
        Workflow: { $or: [{ Status: ['NEW', 'NOTIFIED'] }, { Status: [{ exists: false }] }] },
        RecordState: ['ACTIVE'],
        Compliance: { $or: [{ Status: ['WARNING', 'FAILED', 'NOT_AVAILABLE'] }, { Status: [{ exists: false }] }] },
      },
    });
  });

  it('leaves severity out when every severity is allowed, so legacy findings without Severity.Label still match', () => {
    const asff = family(buildRulePatterns(parseConfig({})), 'asff');

    expect(asff.detail?.findings).not.toHaveProperty('Severity');
  });

  it('matches severity labels, products and accounts when the configuration narrows them', () => {
    const config = parseConfig({
      filters: { severities: ['HIGH', 'CRITICAL'], productNames: ['GuardDuty'], accountIds: ['111122223333'] },
    });
    const findings = family(buildRulePatterns(config), 'asff').detail?.findings;

    expect(findings).toMatchObject({
      Severity: { Label: ['HIGH', 'CRITICAL'] },
      ProductName: ['GuardDuty'],
      AwsAccountId: ['111122223333'],
    });
  });

  it('leaves a filter out when it allows every value (record states, workflow, compliance)', () => {
    const config = parseConfig({
      filters: {
        recordStates: ['ACTIVE', 'ARCHIVED'],
        workflowStatuses: ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'],
        complianceStatuses: ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'],
      },
    });
    const patterns = buildRulePatterns(config);

    expect(family(patterns, 'asff')).not.toHaveProperty('detail');
    expect(family(patterns, 'ocsf')).not.toHaveProperty('detail');
  });

  it('maps the filters onto the OCSF fields of Findings Imported V2', () => {
    const config = parseConfig({
      filters: { severities: ['HIGH', 'CRITICAL'], productNames: ['Inspector'], accountIds: ['111122223333'] },
    });
    const findings = family(buildRulePatterns(config), 'ocsf').detail?.findings;

    expect(findings).toEqual({
      severity: ['High', 'Critical', 'Fatal'],
      $or: [{ status: ['New', 'In Progress'] }, { status: [{ exists: false }] }],
      compliance: { $or: [{ status: ['Warning', 'Fail', 'Unknown', 'Other'] }, { status: [{ exists: false }] }] },
      metadata: { product: { name: ['Inspector'] } },
      cloud: { account: { uid: ['111122223333'] } },
    });
  });

  it('builds rules only for the enabled detail-types', () => {
    const patterns = buildRulePatterns(parseConfig({ detailTypes: ['imported', 'customAction'] }));

    expect(patterns.map((p) => p.family)).toEqual(['asff', 'manual']);
    expect(family(patterns, 'manual')['detail-type']).toEqual(['Security Hub Findings - Custom Action']);
  });

  it.each([
    ['workflowStatuses', { workflowStatuses: [] }],
    ['complianceStatuses', { complianceStatuses: [] }],
  ])('never writes an empty match list (EventBridge refuses it) when no %s value is allowed', (_name, filters) => {
    const patterns = buildRulePatterns(parseConfig({ filters }));

    expect(patterns.map((p) => p.family)).toEqual(expect.arrayContaining(['asff', 'ocsf']));
    expect(JSON.stringify(patterns)).not.toContain('[]');
  });

  it('matches only findings without compliance when no compliance status is allowed', () => {
    const asff = family(buildRulePatterns(parseConfig({ filters: { complianceStatuses: [] } })), 'asff');

    expect(asff.detail?.findings).toMatchObject({ Compliance: { Status: [{ exists: false }] } });
  });

  it.each([
    ['severities', { severities: [] }],
    ['productNames', { productNames: [] }],
    ['accountIds', { accountIds: [] }],
  ])('refuses an empty %s list, which would match nothing', (name, filters) => {
    const build = () => buildRulePatterns(parseConfig({ filters }));

    expect(build).toThrow(ConfigError);
    expect(build).toThrow(expect.objectContaining({ setting: `config.filters.${name}` }));
  });
});
