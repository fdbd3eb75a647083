/**
 * OCSF 1.x findings (the new AWS Security Hub, `Findings Imported V2`) into the Finding model.
 * Classes 2002 Vulnerability, 2003 Compliance and 2004 Detection fill their own parts; any other
 * class is read generically (title, severity, status, account, resources, times).
 */
import { InvalidEventError } from '../errors.js';
import type { Finding, Severity } from '../finding/model.js';
import { field } from '../finding/object.js';
import { safeUrl, safeUrls } from '../finding/safe-url.js';
import { firstLine } from '../finding/text.js';
import type { ReadContext } from '../input/read-context.js';
import { jsonPath, schemaError } from '../schema-issue.js';
import { ocsfActivity } from './activity.js';
import { ocsfCompliance } from './compliance.js';
import { ocsfConsoleUrl } from './console-link.js';
import { evidenceLines } from './evidence.js';
import { ocsfRelated } from './related.js';
import { ocsfResource } from './resources.js';
import { type OcsfFinding, ocsfFindingSchema } from './schema.js';
import { ocsfSeverity } from './severity.js';
import { ocsfRecordState, ocsfWorkflowStatus } from './status.js';
import { str } from './text.js';
import { ocsfTime } from './time.js';
import { ocsfVulnerability } from './vulnerabilities.js';

/**
 * Maps one OCSF finding into the model. Throws `InvalidEventError` naming `ctx.input` and the JSON
 * path (`ctx.path` + the path inside the finding) of the first field that is missing or wrong.
 *
 * @example ocsfToFinding(event.detail.findings[0], { input: 'event.json', path: 'detail.findings[0]' }).severity // 'MEDIUM'
 */
export function ocsfToFinding(raw: unknown, ctx: ReadContext): Finding {
  const parsed = ocsfFindingSchema.safeParse(raw, { reportInput: true });
  // reportInput lets the message say what was found.
  if (!parsed.success) throw schemaError(ctx.input, ctx.path, parsed.error, 'not an OCSF finding');
  const f = parsed.data;
  const severity = severityOf(f, ctx);
  const info = f.finding_info;
  const product = f.metadata.product;
  const accountId = str(f.cloud?.account?.uid);
  const description = str(info.desc);
  const title = str(info.title) ?? firstLine(description, 200);
  if (title === undefined) {
    throw new InvalidEventError(
      ctx.input,
      jsonPath(['finding_info', 'title'], ctx.path),
      'expected a title (or a desc to show in its place)',
    );
  }
  const region = str(f.cloud?.region) ?? str(ctx.region);
  const missing = [
    ...(str(info.title) === undefined ? ['finding_info.title'] : []),
    ...(description === undefined ? ['finding_info.desc'] : []),
    ...(accountId === undefined ? ['cloud.account.uid'] : []),
    ...(region === undefined ? ['cloud.region'] : []),
  ];
  const partition = str(f.cloud?.cloud_partition) ?? 'aws';
  const productArn = str(product?.uid) ?? '';
  const remediationText = str(f.remediation?.desc);
  const remediationUrl = safeUrls(f.remediation?.references ?? [])[0];
  const comment = str(f.comment);
  return {
    format: 'ocsf',
    key: str(f.metadata.uid) ?? [accountId ?? '', info.uid, productArn].join('|'),
    id: info.uid,
    productArn,
    productName: str(product?.name) ?? str(product?.vendor_name) ?? 'Unknown product',
    ...field('companyName', str(product?.vendor_name)),
    title,
    description: description ?? '',
    severity,
    accountId: accountId ?? '',
    ...field('accountName', str(f.cloud?.account?.name)),
    region: region ?? '',
    partition,
    types: info.types ?? [],
    ...field('compliance', f.compliance === undefined ? undefined : ocsfCompliance(f.compliance)),
    ...field(
      'remediation',
      remediationText === undefined && remediationUrl === undefined
        ? undefined
        : { ...field('text', remediationText), ...field('url', remediationUrl) },
    ),
    resources: (f.resources ?? []).flatMap((r) => ocsfResource(r, title) ?? []),
    ...field('firstObservedAt', ocsfTime(info.first_seen_time, info.first_seen_time_dt)),
    ...field('lastObservedAt', ocsfTime(info.last_seen_time, info.last_seen_time_dt)),
    ...field('createdAt', ocsfTime(info.created_time, info.created_time_dt)),
    ...field('updatedAt', ocsfTime(info.modified_time, info.modified_time_dt) ?? ocsfTime(f.time, f.time_dt)),
    ...field('workflowStatus', ocsfWorkflowStatus(f.status_id, str(f.status))),
    recordState: ocsfRecordState(f),
    ...field('note', comment === undefined ? undefined : { text: comment }),
    ...field('sourceUrl', safeUrl(info.src_url)),
    vulnerabilities: (f.vulnerabilities ?? []).flatMap((v) => ocsfVulnerability(v) ?? []),
    evidence: evidenceLines(f.evidences),
    activity: ocsfActivity(f.evidences, f.count, f.actor),
    related: ocsfRelated(info.related_events),
    ...field('missing', missing.length === 0 ? undefined : missing),
    ...field('consoleUrl', ocsfConsoleUrl(partition, region ?? '', info.uid)),
  };
}

/**
 * The label from `severity_id` or `severity`. 0 Unknown and 99 Other fall back to the caption and
 * then to INFORMATIONAL; a finding with neither field is refused.
 */
function severityOf(f: OcsfFinding, ctx: ReadContext): Severity {
  const label = ocsfSeverity(f.severity_id, f.severity);
  if (label !== undefined) return label;
  if (f.severity_id !== undefined) return 'INFORMATIONAL';
  throw new InvalidEventError(
    ctx.input,
    jsonPath(['severity_id'], ctx.path),
    `expected severity_id or a severity of Informational, Low, Medium, High, Critical or Fatal, got ${JSON.stringify(f.severity ?? null)}`,
  );
}
