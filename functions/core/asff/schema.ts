/**
 * The ASFF fields the notifier reads, checked at the boundary. Everything the model does not
 * need is left unchecked (loose objects), and most fields are optional because real findings
 * from 2019 to today, and from third-party products, leave many of them out.
 *
 * Enumerations that drive policy (severity label, workflow, record state, compliance) are checked
 * strictly: Security Hub itself refuses other values on import, so another value means the input
 * was not produced by Security Hub.
 */
import * as z from 'zod/mini';
import { COMPLIANCE_STATUSES, RECORD_STATES, SEVERITIES, WORKFLOW_STATUSES } from '../finding/model.js';

const text = z.string();
const optionalText = z.optional(z.string());
/**
 * Any JSON object, its members unchecked (read with care where used). As strict as
 * `z.record(z.string(), z.unknown())` for JSON input, whose keys are always strings, without
 * running two schemas per member.
 */
const anyObject = z.looseObject({});

const severitySchema = z.looseObject({
  Label: z.optional(z.enum(SEVERITIES)),
  Normalized: z.optional(z.number()),
  Product: z.optional(z.number()),
  Original: optionalText,
});

const resourceSchema = z.looseObject({
  Type: text,
  Id: text,
  Partition: optionalText,
  Region: optionalText,
  Tags: z.optional(z.record(z.string(), z.string())),
  Details: z.optional(anyObject),
});

const cvssSchema = z.looseObject({
  BaseScore: z.optional(z.number()),
  BaseVector: optionalText,
  Version: optionalText,
});

const vulnerablePackageSchema = z.looseObject({
  Name: optionalText,
  Version: optionalText,
  FixedInVersion: optionalText,
  Remediation: z.optional(z.unknown()),
});

const vulnerabilitySchema = z.looseObject({
  Id: text,
  Cvss: z.optional(z.array(cvssSchema)),
  VulnerablePackages: z.optional(z.array(vulnerablePackageSchema)),
  FixAvailable: z.optional(z.enum(['YES', 'NO', 'PARTIAL'])),
  ReferenceUrls: z.optional(z.array(z.string())),
  // Display-only facts: read leniently (a producer's odd value is left out, not refused).
  ExploitAvailable: z.optional(z.unknown()),
  EpssScore: z.optional(z.unknown()),
  RelatedVulnerabilities: z.optional(z.unknown()),
  Vendor: z.optional(z.unknown()),
});

/** One ASFF finding, as far as the notifier reads it. */
export const asffFindingSchema = z.looseObject({
  SchemaVersion: optionalText,
  Id: text,
  ProductArn: text,
  ProductName: optionalText,
  CompanyName: optionalText,
  GeneratorId: optionalText,
  // The ASFF spec requires AwsAccountId, Title and Description; producers leave them out, and the
  // email says what is missing instead of refusing the finding (see to-finding.ts).
  AwsAccountId: optionalText,
  AwsAccountName: optionalText,
  Region: optionalText,
  Types: z.optional(z.array(z.string())),
  FirstObservedAt: optionalText,
  LastObservedAt: optionalText,
  CreatedAt: optionalText,
  UpdatedAt: optionalText,
  Severity: z.optional(severitySchema),
  Title: optionalText,
  Description: optionalText,
  Remediation: z.optional(
    z.looseObject({
      Recommendation: z.optional(z.looseObject({ Text: optionalText, Url: optionalText })),
    }),
  ),
  SourceUrl: optionalText,
  ProductFields: z.optional(anyObject),
  Resources: z.optional(z.array(resourceSchema)),
  Compliance: z.optional(
    z.looseObject({
      Status: z.optional(z.enum(COMPLIANCE_STATUSES)),
      SecurityControlId: optionalText,
      RelatedRequirements: z.optional(z.array(z.string())),
      StatusReasons: z.optional(z.array(z.looseObject({ ReasonCode: text, Description: optionalText }))),
      AssociatedStandards: z.optional(z.array(z.looseObject({ StandardsId: optionalText }))),
    }),
  ),
  Workflow: z.optional(z.looseObject({ Status: z.optional(z.enum(WORKFLOW_STATUSES)) })),
  WorkflowState: optionalText,
  RecordState: z.optional(z.enum(RECORD_STATES)),
  Note: z.optional(z.looseObject({ Text: text, UpdatedBy: optionalText, UpdatedAt: optionalText })),
  Vulnerabilities: z.optional(z.array(vulnerabilitySchema)),
  // What happened (GuardDuty and others): display-only, read defensively (see activity.ts).
  Action: z.optional(z.unknown()),
  Network: z.optional(z.unknown()),
  Process: z.optional(z.unknown()),
  Threats: z.optional(z.unknown()),
  Malware: z.optional(z.unknown()),
  ThreatIntelIndicators: z.optional(z.unknown()),
  RelatedFindings: z.optional(z.unknown()),
  Detection: z.optional(z.unknown()),
  FindingProviderFields: z.optional(
    z.looseObject({
      Severity: z.optional(z.looseObject({ Label: z.optional(z.enum(SEVERITIES)), Original: optionalText })),
      Types: z.optional(z.array(z.string())),
    }),
  ),
});

export type AsffFinding = z.infer<typeof asffFindingSchema>;
export type AsffResource = z.infer<typeof resourceSchema>;
export type AsffVulnerability = z.infer<typeof vulnerabilitySchema>;
