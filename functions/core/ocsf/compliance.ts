/** OCSF `compliance` (Compliance Finding, class 2003) to the model's compliance block. */
import type { Compliance, StatusReason } from '../finding/model.js';
import { field } from '../finding/object.js';
import type { OcsfCompliance } from './schema.js';
import { ocsfComplianceStatus } from './status.js';
import { str } from './text.js';

/**
 * Control, standards, requirements, status, and every assessment as a reason: `code` is the
 * assessment name and `description` its `desc`. Assessments that did not meet the criteria come
 * first (the order among each group is kept), so a reader sees why the control failed before
 * the checks that passed.
 */
export function ocsfCompliance(compliance: OcsfCompliance): Compliance {
  const assessments = compliance.assessments ?? [];
  const failing = assessments.filter((a) => a.meets_criteria === false);
  const others = assessments.filter((a) => a.meets_criteria !== false);
  const reasons: StatusReason[] = [];
  for (const assessment of [...failing, ...others]) {
    const code = str(assessment.name);
    const description = str(assessment.desc);
    if (code === undefined && description === undefined) continue;
    reasons.push({ code: code ?? 'ASSESSMENT', ...field('description', description) });
  }
  return {
    ...field('status', ocsfComplianceStatus(compliance.status_id, str(compliance.status))),
    reasons,
    ...field('controlId', str(compliance.control)),
    standards: compliance.standards ?? [],
    relatedRequirements: compliance.requirements ?? [],
  };
}
