/** fast-check arbitraries for findings and prior state, drawn from small pools so keys and groups collide. */
import fc from 'fast-check';
import { COMPLIANCE_STATUSES, RECORD_STATES, SEVERITIES, WORKFLOW_STATUSES } from '../../../functions/core/finding/model.js';
import type { ReadFinding } from '../../../functions/core/input/read-input.js';
import type { StoredState } from '../../../functions/core/policy/state.js';
import { aFinding, aTrigger } from './builder.js';

export const arbFinding = fc
  .record({
    n: fc.integer({ min: 1, max: 30 }),
    severity: fc.constantFrom(...SEVERITIES),
    complianceStatus: fc.constantFrom(...COMPLIANCE_STATUSES),
    workflowStatus: fc.constantFrom(...WORKFLOW_STATUSES),
    recordState: fc.constantFrom(...RECORD_STATES),
    accountId: fc.constantFrom('111122223333', '444455556666'),
    region: fc.constantFrom('us-east-1', 'ap-northeast-1'),
    controlId: fc.constantFrom('S3.1', 'IAM.1', 'EC2.2'),
    owner: fc.constantFrom('alice', 'bob', undefined),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map((r) =>
    aFinding({
      id: `finding/${r.n}`,
      severity: r.severity,
      complianceStatus: r.complianceStatus,
      workflowStatus: r.workflowStatus,
      recordState: r.recordState,
      accountId: r.accountId,
      region: r.region,
      controlId: r.controlId,
      resources: [{ type: 'AwsS3Bucket', id: `bucket-${r.n}`, tags: r.owner ? { owner: r.owner } : {}, details: [] }],
      updatedAt: `2025-05-01T00:${String(r.minute).padStart(2, '0')}:00.000Z`,
    }),
  );

export const arbInputs = fc.array(
  fc.record({ finding: arbFinding, event: fc.integer({ min: 1, max: 40 }), action: fc.boolean() }).map(
    ({ finding, event, action }): ReadFinding => ({
      finding,
      trigger: aTrigger(`event-${event}`, action && event % 7 === 0 ? 'Send to team' : undefined),
      input: `input-${event}`,
    }),
  ),
  { maxLength: 80 },
);

/** Prior records for some of the keys the inputs use. */
export function arbPrior(inputs: readonly ReadFinding[]) {
  const keys = [...new Set(inputs.map((i) => i.finding.key))];
  return fc.subarray(keys).chain((chosen) =>
    fc.tuple(...chosen.map(() => fc.record({ finding: arbFinding, hoursAgo: fc.integer({ min: 0, max: 72 }) }))).map((records) => {
      const prior = new Map<string, StoredState>();
      records.forEach(({ finding, hoursAgo }, i) => {
        const key = chosen[i] ?? '';
        const at = new Date(Date.parse('2025-06-01T12:00:00.000Z') - hoursAgo * 3_600_000).toISOString();
        prior.set(key, {
          key,
          state: {
            severity: finding.severity,
            recordState: finding.recordState,
            ...(finding.workflowStatus ? { workflowStatus: finding.workflowStatus } : {}),
          },
          notifiedAt: at,
          firstNotifiedAt: at,
          expiresAt: 1_900_000_000,
        });
      });
      return prior;
    }),
  );
}
