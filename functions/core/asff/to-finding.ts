/** Maps one ASFF finding (classic Security Hub, "Security Hub CSPM") into the Finding model. */
import { InvalidEventError } from '../errors.js';
import { arnRegion, parseArn } from '../finding/arn.js';
import { findingConsoleUrl } from '../finding/console-link.js';
import type { Finding, Note, Remediation } from '../finding/model.js';
import { safeUrl } from '../finding/safe-url.js';
import { nonEmpty } from '../finding/text.js';
import type { ReadContext } from '../input/read-context.js';
import { jsonPath, schemaError } from '../schema-issue.js';
import { asffCompliance } from './compliance.js';
import { asffProduct } from './product.js';
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
  const severity = asffSeverity(f);
  if (severity === undefined) {
    throw new InvalidEventError(
      ctx.input,
      jsonPath(['Severity'], ctx.path),
      'expected Severity.Label, Severity.Normalized, ProductFields["aws/securityhub/SeverityLabel"] or FindingProviderFields.Severity.Label',
    );
  }
  const productArn = parseArn(f.ProductArn);
  const region =
    nonEmpty(f.Region) ??
    nonEmpty(ctx.region) ??
    arnRegion(f.ProductArn) ??
    arnRegion(f.Id) ??
    nonEmpty(f.Resources?.find((r) => nonEmpty(r.Region))?.Region) ??
    '';
  const partition = productArn?.partition ?? nonEmpty(f.Resources?.[0]?.Partition) ?? 'aws';
  const compliance = asffCompliance(f);
  const remediation = asffRemediation(f);
  const workflowStatus = asffWorkflow(f);
  const note = asffNote(f);
  const sourceUrl = safeUrl(f.SourceUrl);
  const optional = {
    generatorId: f.GeneratorId,
    firstObservedAt: f.FirstObservedAt,
    lastObservedAt: f.LastObservedAt,
    createdAt: f.CreatedAt,
    updatedAt: f.UpdatedAt,
  };
  return {
    format: 'asff',
    key: `${f.ProductArn}|${f.Id}`,
    id: f.Id,
    productArn: f.ProductArn,
    ...asffProduct(f),
    ...definedOnly(optional),
    title: f.Title,
    description: f.Description,
    severity: severity.label,
    ...(severity.score === undefined ? {} : { severityScore: severity.score }),
    accountId: f.AwsAccountId,
    region,
    partition,
    types: f.Types ?? f.FindingProviderFields?.Types ?? [],
    ...(compliance === undefined ? {} : { compliance }),
    ...(remediation === undefined ? {} : { remediation }),
    resources: asffResources(f.Resources),
    ...(workflowStatus === undefined ? {} : { workflowStatus }),
    recordState: f.RecordState ?? 'ACTIVE',
    ...(note === undefined ? {} : { note }),
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    vulnerabilities: asffVulnerabilities(f.Vulnerabilities),
    evidence: [],
    consoleUrl: findingConsoleUrl(partition, region, f.Id),
  };
}

/** Recommendation text and URL (http(s) only; `ProductFields.RecommendationUrl` as fallback). */
function asffRemediation(f: AsffFinding): Remediation | undefined {
  const text = nonEmpty(f.Remediation?.Recommendation?.Text);
  const url = safeUrl(f.Remediation?.Recommendation?.Url) ?? safeUrl(f.ProductFields?.RecommendationUrl);
  if (text === undefined && url === undefined) return undefined;
  return { ...(text === undefined ? {} : { text }), ...(url === undefined ? {} : { url }) };
}

function asffNote(f: AsffFinding): Note | undefined {
  if (f.Note === undefined) return undefined;
  return { text: f.Note.Text, ...definedOnly({ updatedBy: f.Note.UpdatedBy, updatedAt: f.Note.UpdatedAt }) };
}

/** Drops undefined values, as `exactOptionalPropertyTypes` requires. */
function definedOnly<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const value = values[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
