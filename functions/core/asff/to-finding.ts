/** Maps one ASFF finding (classic Security Hub, "Security Hub CSPM") into the Finding model. */
import { InvalidEventError } from '../errors.js';
import { arnRegion, parseArn } from '../finding/arn.js';
import { findingConsoleUrl } from '../finding/console-link.js';
import type { Finding, Note, Remediation } from '../finding/model.js';
import { field } from '../finding/object.js';
import { safeUrl } from '../finding/safe-url.js';
import { firstLine, nonEmpty } from '../finding/text.js';
import type { ReadContext } from '../input/read-context.js';
import { jsonPath, schemaError } from '../schema-issue.js';
import { asffActivity } from './activity.js';
import { asffCompliance } from './compliance.js';
import { asffProduct } from './product.js';
import { asffRelated } from './related.js';
import { asffResources } from './resources.js';
import { type AsffFinding, asffFindingSchema } from './schema.js';
import { asffSeverity } from './severity.js';
import { asffVulnerabilities } from './vulnerabilities.js';
import { asffWorkflow } from './workflow.js';

/**
 * Maps one ASFF finding into the model. Throws `InvalidEventError` whose path is `ctx.path` plus
 * the JSON path inside the finding, and whose message says what was expected.
 *
 * @example
 * const finding = asffToFinding(event.detail.findings[0], { input: 'event.json', path: 'detail.findings[0]', region: event.region });
 */
export function asffToFinding(raw: unknown, ctx: ReadContext): Finding {
  // reportInput lets the message say what was found; clipLine bounds it (the value is attacker-controlled).
  const parsed = asffFindingSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw schemaError(ctx.input, ctx.path, parsed.error, 'invalid ASFF finding');
  return toModel(parsed.data, ctx);
}

function toModel(f: AsffFinding, ctx: ReadContext): Finding {
  const description = nonEmpty(f.Description);
  const title = nonEmpty(f.Title) ?? firstLine(description, 200);
  if (title === undefined) {
    throw new InvalidEventError(ctx.input, jsonPath(['Title'], ctx.path), 'expected a Title (or a Description to show in its place)');
  }
  const severity = asffSeverity(f);
  const accountId = nonEmpty(f.AwsAccountId) ?? parseArn(f.Id)?.account ?? parseArn(f.Resources?.[0]?.Id)?.account;
  // The ASFF spec requires these; a producer that leaves one out still gets its finding mailed, saying so.
  const missing = [
    ...(nonEmpty(f.Title) === undefined ? ['Title'] : []),
    ...(description === undefined ? ['Description'] : []),
    ...(nonEmpty(f.AwsAccountId) === undefined ? ['AwsAccountId'] : []),
    ...(severity === undefined ? ['Severity'] : []),
  ];
  const productArn = parseArn(f.ProductArn);
  const region =
    nonEmpty(f.Region) ??
    nonEmpty(ctx.region) ??
    arnRegion(f.ProductArn) ??
    arnRegion(f.Id) ??
    nonEmpty(f.Resources?.find((r) => nonEmpty(r.Region))?.Region) ??
    '';
  const partition = productArn?.partition ?? nonEmpty(f.Resources?.[0]?.Partition) ?? 'aws';
  return {
    format: 'asff',
    key: `${f.ProductArn}|${f.Id}`,
    id: f.Id,
    productArn: f.ProductArn,
    ...asffProduct(f),
    ...field('generatorId', f.GeneratorId),
    ...field('firstObservedAt', f.FirstObservedAt),
    ...field('lastObservedAt', f.LastObservedAt),
    ...field('createdAt', f.CreatedAt),
    ...field('updatedAt', f.UpdatedAt),
    title,
    description: description ?? '',
    severity: severity?.label ?? 'INFORMATIONAL',
    ...field('severityScore', severity?.score),
    accountId: accountId ?? '',
    ...field('accountName', nonEmpty(f.AwsAccountName)),
    region,
    partition,
    types: f.Types ?? f.FindingProviderFields?.Types ?? [],
    ...field('compliance', asffCompliance(f)),
    ...field('remediation', asffRemediation(f)),
    resources: asffResources(f.Resources, title),
    ...field('workflowStatus', asffWorkflow(f)),
    recordState: f.RecordState ?? 'ACTIVE',
    ...field('note', asffNote(f)),
    ...field('sourceUrl', safeUrl(f.SourceUrl)),
    vulnerabilities: asffVulnerabilities(f.Vulnerabilities),
    evidence: [],
    activity: asffActivity(f),
    related: asffRelated(f),
    ...field('missing', missing.length === 0 ? undefined : missing),
    ...field('consoleUrl', findingConsoleUrl(partition, region, f.Id)),
  };
}

/** Recommendation text and URL (http(s) only; `ProductFields.RecommendationUrl` as fallback). */
function asffRemediation(f: AsffFinding): Remediation | undefined {
  const text = nonEmpty(f.Remediation?.Recommendation?.Text);
  const url = safeUrl(f.Remediation?.Recommendation?.Url) ?? safeUrl(f.ProductFields?.RecommendationUrl);
  if (text === undefined && url === undefined) return undefined;
  return { ...field('text', text), ...field('url', url) };
}

function asffNote(f: AsffFinding): Note | undefined {
  if (f.Note === undefined) return undefined;
  return { text: f.Note.Text, ...field('updatedBy', f.Note.UpdatedBy), ...field('updatedAt', f.Note.UpdatedAt) };
}
