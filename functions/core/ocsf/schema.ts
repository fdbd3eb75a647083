/**
 * The OCSF 1.x finding fields the notifier reads (the new AWS Security Hub, `Findings Imported V2`),
 * checked at the boundary. Objects are loose and almost everything is optional: OCSF makes few
 * fields required, and products fill different parts of it.
 *
 * Checked strictly: the identity (`finding_info.uid`) and `severity_id`, which drives policy and
 * is an OCSF enumeration. The title, account and Region may be missing: the email says so.
 * Evidence and resource `data` are display-only and vary by product, so they stay `unknown`
 * here and are read defensively (see `evidence.ts`, `resources.ts`).
 */
import * as z from 'zod/mini';

const text = z.optional(z.string());
/** Epoch milliseconds per OCSF; some producers write seconds (see time.ts). */
const epochMs = z.optional(z.number());
const strings = z.optional(z.array(z.string()));

/** OCSF `severity_id`: 0 Unknown, 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical, 6 Fatal, 99 Other. */
const OCSF_SEVERITY_IDS = [0, 1, 2, 3, 4, 5, 6, 99] as const;

const cvssSchema = z.looseObject({
  base_score: z.optional(z.number()),
  vector_string: text,
  version: text,
});

const packageSchema = z.looseObject({
  name: text,
  version: text,
  fixed_in_version: text,
  remediation: z.optional(z.unknown()),
});

const vulnerabilitySchema = z.looseObject({
  title: text,
  cve: z.optional(
    z.looseObject({
      uid: text,
      cvss: z.optional(z.array(cvssSchema)),
      references: strings,
      // Display-only: read leniently (see vulnerabilities.ts).
      epss: z.optional(z.unknown()),
    }),
  ),
  affected_packages: z.optional(z.array(packageSchema)),
  fix_coverage: text,
  is_fix_available: z.optional(z.boolean()),
  references: strings,
  is_exploit_available: z.optional(z.unknown()),
  related_vulnerabilities: z.optional(z.unknown()),
  vendor_name: z.optional(z.unknown()),
  remediation: z.optional(z.unknown()),
});

const resourceSchema = z.looseObject({
  type: text,
  uid: text,
  uid_alt: text,
  name: text,
  region: text,
  cloud_partition: text,
  tags: z.optional(z.array(z.looseObject({ name: z.string(), value: z.optional(z.string()) }))),
  labels: strings,
  data: z.optional(z.unknown()),
});

const assessmentSchema = z.looseObject({
  name: text,
  desc: text,
  meets_criteria: z.optional(z.boolean()),
});

/** One OCSF finding, as far as the notifier reads it. */
export const ocsfFindingSchema = z.looseObject({
  class_uid: z.optional(z.number()),
  class_name: text,
  activity_id: z.optional(z.number()),
  activity_name: text,
  severity: text,
  severity_id: z.optional(z.literal(OCSF_SEVERITY_IDS)),
  status: text,
  status_id: z.optional(z.number()),
  time: epochMs,
  time_dt: text,
  comment: text,
  // OCSF requires cloud.account.uid and finding_info.title; a finding without them is still mailed, saying what is missing.
  cloud: z.optional(
    z.looseObject({
      account: z.optional(z.looseObject({ uid: text, name: text })),
      region: text,
      cloud_partition: text,
    }),
  ),
  finding_info: z.looseObject({
    uid: z.string(),
    title: text,
    desc: text,
    related_events: z.optional(z.unknown()),
    types: strings,
    src_url: text,
    created_time: epochMs,
    created_time_dt: text,
    first_seen_time: epochMs,
    first_seen_time_dt: text,
    last_seen_time: epochMs,
    last_seen_time_dt: text,
    modified_time: epochMs,
    modified_time_dt: text,
  }),
  metadata: z.looseObject({
    uid: text,
    version: text,
    product: z.optional(z.looseObject({ name: text, vendor_name: text, uid: text })),
  }),
  compliance: z.optional(
    z.looseObject({
      control: text,
      standards: strings,
      requirements: strings,
      status: text,
      status_id: z.optional(z.number()),
      assessments: z.optional(z.array(assessmentSchema)),
    }),
  ),
  remediation: z.optional(z.looseObject({ desc: text, references: strings })),
  resources: z.optional(z.array(resourceSchema)),
  vulnerabilities: z.optional(z.array(vulnerabilitySchema)),
  evidences: z.optional(z.array(z.unknown())),
  actor: z.optional(z.unknown()),
  count: z.optional(z.unknown()),
});

export type OcsfFinding = z.infer<typeof ocsfFindingSchema>;
export type OcsfResource = z.infer<typeof resourceSchema>;
export type OcsfVulnerability = z.infer<typeof vulnerabilitySchema>;
export type OcsfCompliance = NonNullable<OcsfFinding['compliance']>;
