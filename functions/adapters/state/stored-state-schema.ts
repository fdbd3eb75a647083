/**
 * Reading stored records back: a record written by another version, or edited by hand, is
 * checked before the policy trusts it. An unreadable record is treated as absent (the finding
 * then looks new: a duplicate mail rather than a lost one).
 */
import * as z from 'zod/mini';
import { COMPLIANCE_STATUSES, RECORD_STATES, SEVERITIES, WORKFLOW_STATUSES } from '../../core/finding/model.js';
import type { StoredState } from '../../core/policy/state.js';

export const storedStateSchema = z.object({
  key: z.string(),
  state: z.object({
    severity: z.enum(SEVERITIES),
    complianceStatus: z.exactOptional(z.enum(COMPLIANCE_STATUSES)),
    workflowStatus: z.exactOptional(z.enum(WORKFLOW_STATUSES)),
    recordState: z.enum(RECORD_STATES),
  }),
  notifiedAt: z.string(),
  firstNotifiedAt: z.string(),
  findingUpdatedAt: z.exactOptional(z.string()),
  expiresAt: z.number(),
});

/**
 * A checked record, or `undefined` when it does not have the expected shape.
 *
 * @example
 * readStoredState(JSON.parse(text)) // StoredState | undefined
 */
export function readStoredState(raw: unknown): StoredState | undefined {
  const result = storedStateSchema.safeParse(raw);
  return result.success ? result.data : undefined;
}

/** Whether a record or claim is past its TTL (DynamoDB deletes expired items only eventually). */
export function isExpired(expiresAt: number, now: Date): boolean {
  return expiresAt * 1000 <= now.getTime();
}
