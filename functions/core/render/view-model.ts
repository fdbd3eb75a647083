/**
 * The view models the templates see: display-ready, cleaned, bounded and localized. Each template
 * may use only the paths declared for its view in `view-shapes.ts` (checked at build time).
 * Optional fields are undefined when empty, so `{{#if ...}}` in a template hides the section.
 */
import type { LocaleStrings } from './compiled-templates.js';

/** A severity as shown: the localized label and badge colours (from a fixed table, never from a finding). */
export interface SeverityView {
  readonly code: string;
  readonly label: string;
  readonly color: string;
  readonly textColor: string;
}

export interface ActionView {
  readonly name: string;
  readonly description?: string | undefined;
}

export interface ResourceView {
  readonly type: string;
  readonly id: string;
  readonly region?: string | undefined;
  /** `key=value` lines. */
  readonly tags: readonly string[];
  readonly details: readonly string[];
}

export interface VulnerabilityView {
  readonly id: string;
  readonly cvss?: string | undefined;
  readonly packages: readonly string[];
  readonly fixedIn?: string | undefined;
  readonly fixAvailable?: string | undefined;
  readonly referenceUrls: readonly string[];
}

export interface FindingDetailsView {
  readonly title: string;
  readonly description: string;
  /** Set to the localized "shortened" note when the description was cut. */
  readonly descriptionNote?: string | undefined;
  readonly severity: SeverityView;
  readonly account: string;
  readonly region: string;
  readonly product: string;
  readonly company?: string | undefined;
  readonly id: string;
  readonly generator?: string | undefined;
  readonly types: readonly string[];
  readonly control?: string | undefined;
  readonly standards: readonly string[];
  readonly complianceStatus?: string | undefined;
  readonly relatedRequirements: readonly string[];
  readonly reasons: readonly { readonly code: string; readonly description?: string | undefined }[];
  readonly remediationText?: string | undefined;
  readonly remediationUrl?: string | undefined;
  /** The first resource's id, for the facts table. */
  readonly primaryResource?: string | undefined;
  readonly resources: readonly ResourceView[];
  /** e.g. "…and 5 more resources" when the list was bounded. */
  readonly resourcesNote?: string | undefined;
  readonly vulnerabilities: readonly VulnerabilityView[];
  readonly vulnerabilitiesNote?: string | undefined;
  readonly evidence: readonly string[];
  readonly note?: { readonly text: string; readonly updatedBy?: string | undefined; readonly updatedAt?: string | undefined } | undefined;
  readonly firstObservedAt?: string | undefined;
  readonly lastObservedAt?: string | undefined;
  readonly createdAt?: string | undefined;
  readonly updatedAt?: string | undefined;
  readonly workflowStatus?: string | undefined;
  readonly recordState: string;
  readonly sourceUrl?: string | undefined;
  readonly consoleUrl: string;
}

/** `finding.mjml`, `finding.txt.hbs`. */
export interface FindingView {
  readonly t: LocaleStrings;
  readonly action?: ActionView | undefined;
  readonly finding: FindingDetailsView;
}

export interface DigestItemView {
  readonly title: string;
  readonly severity: SeverityView;
  readonly resource?: string | undefined;
  /** e.g. "+2 more" when the finding names several resources. */
  readonly resourceNote?: string | undefined;
  readonly control?: string | undefined;
  readonly account: string;
  readonly region: string;
  readonly product: string;
  readonly updatedAt?: string | undefined;
  readonly consoleUrl: string;
}

/** `digest.mjml`, `digest.txt.hbs`. */
export interface DigestView {
  readonly t: LocaleStrings;
  readonly action?: ActionView | undefined;
  readonly digest: {
    /** e.g. "12 findings". */
    readonly heading: string;
    readonly severityCounts: readonly { readonly severity: SeverityView; readonly count: number }[];
    readonly controlCounts: readonly { readonly control: string; readonly count: number }[];
    readonly controlsNote?: string | undefined;
    readonly findings: readonly DigestItemView[];
    readonly findingsNote?: string | undefined;
  };
}

/** `insight.mjml`, `insight.txt.hbs`. */
export interface InsightView {
  readonly t: LocaleStrings;
  readonly insight: {
    readonly name: string;
    readonly resultType: string;
    readonly rows: readonly { readonly value: string; readonly count: number }[];
    readonly rowsNote?: string | undefined;
    readonly account: string;
    readonly region: string;
    readonly arn: string;
    readonly consoleUrl: string;
  };
}

/** `subject.hbs`: exactly one of `finding`, `digest`, `insight`, `summary` is true. */
export interface SubjectView {
  readonly t: LocaleStrings;
  readonly finding: boolean;
  readonly digest: boolean;
  readonly insight: boolean;
  readonly summary: boolean;
  /** Localized severity label (highest of a digest). */
  readonly severity: string;
  /** Finding title, insight name, or the digest heading ("12 findings"). */
  readonly title: string;
  readonly control?: string | undefined;
  readonly action?: string | undefined;
  /** One account id, or e.g. "3 accounts". */
  readonly account: string;
  readonly region: string;
}
