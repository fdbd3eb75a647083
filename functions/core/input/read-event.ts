/** Reads a checked envelope by its detail-type into findings (or an insight) for the pipeline. */
import { asffToFinding } from '../asff/to-finding.js';
import { InvalidEventError } from '../errors.js';
import type { Finding, InsightResult, Trigger } from '../finding/model.js';
import { nonEmpty } from '../finding/text.js';
import { readInsight } from '../insight/read-insight.js';
import { ocsfToFinding } from '../ocsf/to-finding.js';
import { DETAIL_TYPES, LEGACY_IMPORTED_DETAIL_TYPE, type SecurityHubEvent } from './event.js';
import { isRecord } from './finding-shape.js';
import type { ReadContext } from './read-context.js';

/** One finding of an event: read, or refused with the JSON path of what is wrong. */
export type FindingResult = { readonly ok: true; readonly finding: Finding } | { readonly ok: false; readonly error: InvalidEventError };

/** What an event holds, by kind. */
export type EventContent =
  | { readonly kind: 'findings'; readonly trigger: Trigger; readonly findings: readonly FindingResult[] }
  | { readonly kind: 'insight'; readonly trigger: Trigger; readonly insight: InsightResult };

type FindingReader = (raw: unknown, ctx: ReadContext) => Finding;

/**
 * Reads a checked envelope by its detail-type. A bad finding inside a good event becomes a
 * failed `FindingResult` (the others still count); a bad envelope or an unknown detail-type or
 * source throws `InvalidEventError`.
 *
 * - `Security Hub Findings - Imported` (and the legacy `Security Hub Findings`): ASFF findings.
 * - `Security Hub Findings - Custom Action`: ASFF findings, with the action a person pressed.
 * - `Findings Imported V2`: OCSF findings.
 * - `Security Hub Insight Results`: one insight.
 */
export function readEvent(event: SecurityHubEvent, input: string): EventContent {
  const trigger: Trigger = { eventId: event.id, detailType: event.detailType };
  switch (event.detailType) {
    case DETAIL_TYPES.imported:
    case LEGACY_IMPORTED_DETAIL_TYPE:
      return readFindings(event, input, { ...trigger, detailType: DETAIL_TYPES.imported }, asffToFinding);
    case DETAIL_TYPES.customAction:
      return readFindings(event, input, { ...trigger, action: customAction(event.detail, event.resources) }, asffToFinding);
    case DETAIL_TYPES.importedV2:
      return readFindings(event, input, trigger, ocsfToFinding);
    case DETAIL_TYPES.insightResults:
      return { kind: 'insight', trigger, insight: readInsight(event, input) };
    default:
      throw new InvalidEventError(
        input,
        'detail-type',
        `unknown detail-type ${JSON.stringify(event.detailType)}; expected one of ${Object.values(DETAIL_TYPES)
          .map((t) => JSON.stringify(t))
          .join(', ')}`,
      );
  }
}

function readFindings(event: SecurityHubEvent, input: string, trigger: Trigger, read: FindingReader): EventContent {
  const findings = isRecord(event.detail) ? event.detail.findings : undefined;
  if (!Array.isArray(findings)) {
    throw new InvalidEventError(
      input,
      'detail.findings',
      `expected an array of findings, got ${findings === undefined ? 'nothing' : typeof findings}`,
    );
  }
  const results = findings.map((raw, index): FindingResult => {
    const path = event.findingPath ?? `detail.findings[${index}]`;
    const ctx: ReadContext = event.region === '' ? { input, path } : { input, path, region: event.region };
    try {
      return { ok: true, finding: read(raw, ctx) };
    } catch (error) {
      if (error instanceof InvalidEventError) return { ok: false, error };
      throw error;
    }
  });
  return { kind: 'findings', trigger, findings: results };
}

/** The custom action's name, description and ARN; a nameless action is still a person's choice. */
function customAction(detail: unknown, resources: readonly string[] = []): NonNullable<Trigger['action']> {
  const d = isRecord(detail) ? detail : {};
  const name = nonEmpty(d.actionName) ?? 'Custom action';
  const description = nonEmpty(d.actionDescription);
  const arn = resources.find((resource) => /^arn:[\w-]+:securityhub:[^:]*:[^:]*:action\/custom\//.test(resource));
  return { name, ...(description === undefined ? {} : { description }), ...(arn === undefined ? {} : { arn }) };
}
