/** Builds the display-ready view of one finding (`finding.mjml`, `finding.txt.hbs`). */
import { accountLabel } from '../accounts/directory.js';
import type { Finding, Trigger } from '../finding/model.js';
import { safeUrl } from '../finding/safe-url.js';
import { cleanLine, cleanShort, cleanText } from './clean-text.js';
import type { LocaleStrings } from './compiled-templates.js';
import { formatDate } from './format-date.js';
import { complianceLabel, fixLabel, label, moreNote, recordLabel, severityView, workflowLabel } from './labels.js';
import { FALLBACK_CONSOLE_URL, LIMITS } from './limits.js';
import type { RenderOptions } from './renderer.js';
import type { ActionView, FindingDetailsView, FindingView, ResourceView, VulnerabilityView } from './view-model.js';

/** One cleaned, bounded line; `undefined` for missing or blank values. */
export function line(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = cleanShort(value, LIMITS.valueChars, cleanLine).text;
  return text === '' ? undefined : text;
}

/** Cleaned lines, blanks dropped. */
function lines(values: readonly string[], max: number = values.length): string[] {
  const out: string[] = [];
  for (const value of values.slice(0, max)) {
    const text = line(value);
    if (text !== undefined) out.push(text);
  }
  return out;
}

/** Cleaned lines, at most `max`, then a `+N more` line when some were left out. */
function boundedLines(values: readonly string[], max: number, t: LocaleStrings): string[] {
  const shown = lines(values, max);
  return values.length > max ? [...shown, label(t, 'moreOfFinding', { count: values.length - max })] : shown;
}

export function actionView(trigger: Trigger): ActionView | undefined {
  const name = line(trigger.action?.name);
  return name === undefined ? undefined : { name, description: line(trigger.action?.description) };
}

function resourceView(resource: Finding['resources'][number], t: LocaleStrings): ResourceView {
  const tags = Object.entries(resource.tags).map(([key, value]) => `${key}=${value}`);
  return {
    type: line(resource.type) ?? '-',
    id: line(resource.id) ?? '-',
    region: line(resource.region),
    tags: boundedLines(tags, LIMITS.tagsPerResource, t),
    details: lines(resource.details),
  };
}

function vulnerabilityView(vulnerability: Finding['vulnerabilities'][number], t: LocaleStrings): VulnerabilityView {
  const score = vulnerability.cvssScore === undefined ? undefined : vulnerability.cvssScore.toFixed(1);
  const cvss = line([score, vulnerability.cvssVector].filter((part) => part !== undefined).join(' '));
  const fix = vulnerability.fixAvailable;
  return {
    id: line(vulnerability.id) ?? '-',
    cvss,
    packages: lines(vulnerability.packages, LIMITS.packagesPerVulnerability),
    fixedIn: line(vulnerability.fixedInVersion),
    fixAvailable: fix === undefined ? undefined : fixLabel(t, fix),
    referenceUrls: vulnerability.referenceUrls
      .map((url) => safeUrl(url))
      .filter((url) => url !== undefined)
      .slice(0, LIMITS.referenceUrlsPerVulnerability),
  };
}

/** Every status reason up to the limit, then one `+N more` entry. */
function reasonViews(reasons: NonNullable<Finding['compliance']>['reasons'], t: LocaleStrings): FindingDetailsView['reasons'] {
  const shown = reasons
    .slice(0, LIMITS.reasons)
    .map((reason) => ({ code: line(reason.code) ?? '-', description: line(reason.description) }));
  return reasons.length > LIMITS.reasons
    ? [...shown, { code: label(t, 'moreOfFinding', { count: reasons.length - LIMITS.reasons }) }]
    : shown;
}

/** The display details of one finding: every value cleaned, lists bounded, dates in the configured zone. */
function findingDetails(finding: Finding, t: LocaleStrings, options: RenderOptions): FindingDetailsView {
  const date = (iso: string | undefined) => formatDate(iso, options.timeZone);
  const description = cleanShort(finding.description, LIMITS.descriptionChars, cleanText);
  const compliance = finding.compliance;
  const resources = finding.resources.slice(0, LIMITS.resources).map((r) => resourceView(r, t));
  const vulnerabilities = finding.vulnerabilities.slice(0, LIMITS.vulnerabilities).map((v) => vulnerabilityView(v, t));
  const noteText = finding.note ? cleanShort(finding.note.text, LIMITS.valueChars, cleanText).text : '';
  return {
    title: line(finding.title) ?? '-',
    description: description.text,
    descriptionNote: description.shortened ? label(t, 'descriptionShortened') : undefined,
    severity: severityView(t, finding.severity),
    account: line(accountLabel(finding.accountId, finding.accountName)) ?? '-',
    region: line(finding.region) ?? '-',
    product: line(finding.productName) ?? '-',
    company: line(finding.companyName),
    id: line(finding.id) ?? '-',
    generator: line(finding.generatorId),
    types: boundedLines(finding.types, LIMITS.types, t),
    control: line(compliance?.controlId),
    standards: boundedLines(compliance?.standards ?? [], LIMITS.standards, t),
    complianceStatus: compliance?.status && complianceLabel(t, compliance.status),
    relatedRequirements: boundedLines(compliance?.relatedRequirements ?? [], LIMITS.relatedRequirements, t),
    reasons: reasonViews(compliance?.reasons ?? [], t),
    remediationText: line(finding.remediation?.text),
    remediationUrl: safeUrl(finding.remediation?.url),
    primaryResource: resources[0]?.id,
    resources,
    resourcesNote: moreNote(t, 'moreResources', finding.resources.length, resources.length),
    vulnerabilities,
    vulnerabilitiesNote: moreNote(t, 'moreVulnerabilities', finding.vulnerabilities.length, vulnerabilities.length),
    evidence: lines(finding.evidence, LIMITS.evidence),
    note:
      noteText === ''
        ? undefined
        : {
            text: noteText,
            updatedBy: line(finding.note?.updatedBy),
            updatedAt: date(finding.note?.updatedAt),
          },
    firstObservedAt: date(finding.firstObservedAt),
    lastObservedAt: date(finding.lastObservedAt),
    createdAt: date(finding.createdAt),
    updatedAt: date(finding.updatedAt),
    workflowStatus: finding.workflowStatus && workflowLabel(t, finding.workflowStatus),
    recordState: recordLabel(t, finding.recordState),
    sourceUrl: safeUrl(finding.sourceUrl),
    consoleUrl: safeUrl(finding.consoleUrl) ?? FALLBACK_CONSOLE_URL,
  };
}

/**
 * The view of a single-finding email.
 *
 * @example findingView(finding, trigger, t, { locale: 'en', timeZone: 'UTC' }).finding.severity.label // 'CRITICAL'
 */
export function findingView(finding: Finding, trigger: Trigger, t: LocaleStrings, options: RenderOptions): FindingView {
  return { t, action: actionView(trigger), finding: findingDetails(finding, t, options) };
}
