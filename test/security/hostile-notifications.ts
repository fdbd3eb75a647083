/**
 * Notifications whose every text field is hostile (fast-check arbitraries): a finding, a digest of
 * findings, an insight. Built on the model, so they reach the renderer however a reader mapped them.
 */
import fc from 'fast-check';
import {
  ACTIVITY_KINDS,
  COMPLIANCE_STATUSES,
  type Finding,
  type InsightResult,
  SEVERITIES,
  type Trigger,
} from '../../functions/core/finding/model.js';
import { safeUrl } from '../../functions/core/finding/safe-url.js';
import type { Notification } from '../../functions/core/policy/notification.js';
import { aFinding, anInsight } from '../support/findings.js';
import { hostile, hostileNonEmpty, hostileUrl } from './hostile-strings.js';

/**
 * A URL field as a reader leaves it: http(s) URLs only after `safeUrl` (normalized, no userinfo),
 * which is the model's contract; anything else stays raw, to exercise the renderer's own http(s) gate.
 */
const modelUrl: fc.Arbitrary<string> = hostileUrl.map(
  (url) => safeUrl(url) ?? (/^\s*https?:/i.test(url) ? 'https://docs.aws.amazon.com/' : url),
);

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const resource = fc.record({
  type: hostile,
  id: hostile,
  region: optional(hostile),
  partition: optional(hostile),
  tags: fc.dictionary(hostile, hostile, { maxKeys: 3 }),
  details: fc.array(hostile, { maxLength: 3 }),
});

const vulnerability = fc.record({
  exploitAvailable: optional(fc.constantFrom('YES', 'NO') as fc.Arbitrary<'YES' | 'NO'>),
  epssScore: optional(fc.double({ min: 0, max: 1, noNaN: true })),
  relatedIds: optional(fc.array(hostile, { maxLength: 2 })),
  vendor: optional(hostile),
  advisoryUrl: optional(modelUrl),
  remediations: optional(fc.array(hostile, { maxLength: 2 })),
  id: hostile,
  cvssScore: optional(fc.double({ min: 0, max: 10, noNaN: true })),
  cvssVector: optional(hostile),
  packages: fc.array(hostile, { maxLength: 3 }),
  fixedInVersion: optional(hostile),
  fixAvailable: optional(fc.constantFrom('YES', 'NO', 'PARTIAL') as fc.Arbitrary<'YES' | 'NO' | 'PARTIAL'>),
  referenceUrls: fc.array(modelUrl, { maxLength: 3 }),
});

/** Drops `undefined` values, as the readers do (`exactOptionalPropertyTypes`). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const hostileFinding: fc.Arbitrary<Finding> = fc
  .record({
    id: hostileNonEmpty,
    productName: hostile,
    companyName: optional(hostile),
    generatorId: optional(hostile),
    title: hostile,
    description: hostile,
    severity: fc.constantFrom(...SEVERITIES),
    accountId: hostile,
    region: hostile,
    partition: hostile,
    types: fc.array(hostile, { maxLength: 3 }),
    compliance: optional(
      fc.record({
        status: optional(fc.constantFrom(...COMPLIANCE_STATUSES)),
        reasons: fc.array(fc.record({ code: hostile, description: optional(hostile) }).map(compact), { maxLength: 3 }),
        controlId: optional(hostile),
        standards: fc.array(hostile, { maxLength: 2 }),
        relatedRequirements: fc.array(hostile, { maxLength: 2 }),
      }),
    ),
    remediation: optional(fc.record({ text: optional(hostile), url: optional(modelUrl) }).map(compact)),
    resources: fc.array(resource.map(compact), { maxLength: 4 }),
    note: optional(fc.record({ text: hostile, updatedBy: optional(hostile) }).map(compact)),
    sourceUrl: optional(modelUrl),
    vulnerabilities: fc.array(vulnerability.map(compact), { maxLength: 2 }),
    evidence: fc.array(hostile, { maxLength: 3 }),
    accountName: optional(hostile),
    activity: fc.array(fc.record({ kind: fc.constantFrom(...ACTIVITY_KINDS), value: hostile }), { maxLength: 4 }),
    related: fc.array(
      fc
        .record({ id: hostile, title: optional(hostile), control: optional(hostile), traits: fc.array(hostile, { maxLength: 2 }) })
        .map(compact),
      { maxLength: 3 },
    ),
    missing: optional(fc.array(hostile, { maxLength: 2 })),
    consoleUrl: optional(modelUrl),
  })
  .map((fields) => {
    const compliance = fields.compliance && compact(fields.compliance);
    return compact({ ...aFinding(), ...fields, compliance, key: `key|${fields.id}` }) as Finding;
  });

export const hostileTrigger: fc.Arbitrary<Trigger> = fc
  .record({
    eventId: hostile,
    detailType: hostile,
    action: optional(fc.record({ name: hostile, description: optional(hostile) }).map((a) => compact(a) as NonNullable<Trigger['action']>)),
  })
  .map((trigger) => compact(trigger) as Trigger);

export const hostileInsight: fc.Arbitrary<InsightResult> = fc
  .record({
    arn: hostile,
    name: hostile,
    resultType: hostile,
    rows: fc.array(fc.record({ value: hostile, count: fc.nat() }), { maxLength: 5 }),
    region: hostile,
    accountId: hostile,
    partition: hostile,
    consoleUrl: modelUrl,
  })
  .map((fields) => ({ ...anInsight(), ...fields }));

/** A finding, a digest (2-6 findings) or an insight, every text field hostile. */
export const hostileNotification: fc.Arbitrary<Notification> = fc.oneof(
  fc.record({ kind: fc.constant('finding' as const), finding: hostileFinding, trigger: hostileTrigger }),
  fc.record({
    kind: fc.constant('digest' as const),
    findings: fc.array(hostileFinding, { minLength: 2, maxLength: 6 }),
    trigger: hostileTrigger,
  }),
  fc.record({ kind: fc.constant('insight' as const), insight: hostileInsight, trigger: hostileTrigger }),
);
