/** The Config.1 twins (fixtures/ocsf/twins): the ASFF and the OCSF form of one control give the same facts. */
import { describe, expect, it } from 'vitest';
import { asffToFinding } from '../../../functions/core/asff/to-finding.js';
import { ocsfToFinding } from '../../../functions/core/ocsf/to-finding.js';
import { readFixture } from '../../support/fixtures.js';

describe('Config.1 twins', () => {
  it('read to the same headline, compliance, remediation, times and status', () => {
    // Prepare + Act
    const asff = asffToFinding(readFixture('fixtures/ocsf/twins/config1-asff.json'), { input: 'asff', path: '' });
    const ocsf = ocsfToFinding(readFixture('fixtures/ocsf/twins/config1-ocsf.json'), { input: 'ocsf', path: '' });

    // Assess
    const facts = (f: typeof asff) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      severity: f.severity,
      accountId: f.accountId,
      region: f.region,
      partition: f.partition,
      types: f.types,
      compliance: f.compliance,
      remediation: f.remediation,
      times: [f.firstObservedAt, f.lastObservedAt, f.createdAt, f.updatedAt],
      workflowStatus: f.workflowStatus,
      recordState: f.recordState,
      resources: f.resources.map((r) => ({ region: r.region, partition: r.partition, tags: r.tags })),
    });
    expect(facts(ocsf)).toEqual(facts(asff));
    expect(ocsf.compliance?.reasons.map((r) => r.code)).toEqual(['CONFIG_RECORDER_DISABLED', 'CONFIG_RECORDER_CUSTOM_ROLE']);
    // Only the naming of the account resource differs by format.
    expect(asff.resources[0]?.id).toBe(`AWS::::Account:${ocsf.resources[0]?.id}`);
  });
});
