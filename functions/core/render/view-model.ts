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
  readonly exploitAvailable?: string | undefined;
  readonly fixAvailable?: string | undefined;
  /** e.g. "97.0% (0.97)". */
  readonly epss?: string | undefined;
  /** `name version` lines, then `+N more`. */
  readonly packages: readonly string[];
  readonly fixedIn?: string | undefined;
  /** Package fix commands as the producer wrote them. */
  readonly remediations: readonly string[];
  readonly relatedIds: readonly string[];
  readonly vendor?: string | undefined;
  readonly advisoryUrl?: string | undefined;
  readonly referenceUrls: readonly string[];
  /** `+N more` when reference URLs were left out. */
  readonly referencesNote?: string | undefined;
}

/** One `label: value` fact (What happened). */
export interface FactView {
  readonly label: string;
  readonly value: string;
}

/** A finding this one is made of: control id and title (or its id), its id, its traits. */
export interface RelatedView {
  readonly title: string;
  readonly id?: string | undefined;
  readonly traits?: string | undefined;
}

export interface FindingDetailsView {
  readonly title: string;
  readonly description: string;
  /** Set to the localized "shortened" note when the description was cut. */
  readonly descriptionNote?: string | undefined;
  readonly severity: SeverityView;
  readonly account: string;
  readonly accountName?: string | undefined;
  readonly region: string;
  readonly product: string;
  readonly company?: string | undefined;
  readonly id: string;
  /** Fields the producer left out, e.g. "Description, AwsAccountId". */
  readonly missing?: string | undefined;
  /** The description's lines (the HTML shows them with line breaks; the text body uses `description`). */
  readonly descriptionLines: readonly string[];
  readonly generator?: string | undefined;
  readonly types: readonly string[];
  readonly control?: string | undefined;
  readonly standards: readonly string[];
  readonly complianceStatus?: string | undefined;
  readonly relatedRequirements: readonly string[];
  readonly reasons: readonly { readonly code: string; readonly description?: string | undefined }[];
  /** What the AWS Config rule said. */
  readonly annotation?: string | undefined;
  /** What happened: action, caller, remote and local ends, process, threats, count, times. */
  readonly activity: readonly FactView[];
  readonly related: readonly RelatedView[];
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
  readonly note?:
    | {
        readonly text: string;
        /** The note's lines, for the HTML. */
        readonly lines: readonly string[];
        readonly updatedBy?: string | undefined;
        readonly updatedAt?: string | undefined;
      }
    | undefined;
  readonly firstObservedAt?: string | undefined;
  readonly lastObservedAt?: string | undefined;
  readonly createdAt?: string | undefined;
  readonly updatedAt?: string | undefined;
  readonly workflowStatus?: string | undefined;
  readonly recordState: string;
  readonly sourceUrl?: string | undefined;
  /** Absent for a partition without a known console; `consoleNote` says so. */
  readonly consoleUrl?: string | undefined;
  readonly consoleNote?: string | undefined;
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
  readonly consoleUrl?: string | undefined;
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
    readonly consoleUrl?: string | undefined;
    readonly consoleNote?: string | undefined;
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
  /** The account's name, when the finding (or a directory) gives one. */
  readonly accountName?: string | undefined;
  readonly region: string;
}
