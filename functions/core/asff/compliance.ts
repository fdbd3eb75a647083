/** The compliance facts of an ASFF finding: status, reasons, control and standards. */
import type { Compliance } from '../finding/model.js';
import { nonEmpty } from '../finding/text.js';
import type { AsffFinding } from './schema.js';

/**
 * The control id a GeneratorId names, for the three Security Hub formats:
 * `.../ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/3.4` (old CIS), `security-control/IAM.4`
 * (consolidated), `aws-foundational-security-best-practices/v/1.0.0/CloudTrail.2` (per standard).
 *
 * @example controlIdFromGenerator('security-control/IAM.4') // 'IAM.4'
 */
export function controlIdFromGenerator(generatorId: string | undefined): string | undefined {
  if (generatorId === undefined) return undefined;
  const match =
    /\/rule\/([^/]+)$/.exec(generatorId) ??
    /^security-control\/([^/]+)$/.exec(generatorId) ??
    /^[\w-]+\/v\/[^/]+\/([^/]+)$/.exec(generatorId);
  return match?.[1];
}

/** `aws/securityhub/annotation` (Security Hub controls backed by AWS Config rules) and the like. */
const ANNOTATION_KEY = /(^|\/)annotation$/i;

/**
 * Compliance as the model holds it, or undefined when the finding has no Compliance object and
 * names no control or standard (GuardDuty, Inspector, most third-party findings).
 * controlId: `Compliance.SecurityControlId`, else `ProductFields.ControlId`, else `RuleId`, else the GeneratorId.
 * standards: `Compliance.AssociatedStandards[].StandardsId`, else `ProductFields.StandardsArn` or `StandardsGuideArn`.
 */
export function asffCompliance(finding: AsffFinding): Compliance | undefined {
  const fields = finding.ProductFields ?? {};
  const compliance = finding.Compliance;
  const controlId =
    nonEmpty(compliance?.SecurityControlId) ??
    nonEmpty(fields.ControlId) ??
    nonEmpty(fields.RuleId) ??
    controlIdFromGenerator(finding.GeneratorId);
  const associated = (compliance?.AssociatedStandards ?? []).flatMap((s) => {
    const id = nonEmpty(s.StandardsId);
    return id === undefined ? [] : [id];
  });
  const fromFields = nonEmpty(fields.StandardsArn) ?? nonEmpty(fields.StandardsGuideArn);
  const standards = associated.length > 0 ? associated : fromFields === undefined ? [] : [fromFields];
  if (
    compliance === undefined &&
    nonEmpty(fields.ControlId) === undefined &&
    nonEmpty(fields.RuleId) === undefined &&
    standards.length === 0
  ) {
    return undefined;
  }
  const reasons = (compliance?.StatusReasons ?? []).map((r) =>
    r.Description === undefined ? { code: r.ReasonCode } : { code: r.ReasonCode, description: r.Description },
  );
  const annotation = Object.entries(fields).find(([key, value]) => ANNOTATION_KEY.test(key) && nonEmpty(value) !== undefined)?.[1];
  return {
    ...(compliance?.Status === undefined ? {} : { status: compliance.Status }),
    ...(typeof annotation === 'string' ? { annotation } : {}),
    reasons,
    ...(controlId === undefined ? {} : { controlId }),
    standards,
    relatedRequirements: compliance?.RelatedRequirements ?? [],
  };
}
