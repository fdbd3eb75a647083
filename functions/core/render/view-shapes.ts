/**
 * The paths each template may use, declared once per view model. `Shape<T>` makes the compiler
 * check that every declaration lists exactly the fields of its view type, so the build-time
 * template check (`functions/build/check-template.ts`) follows the TypeScript types.
 *
 * Leaves: `text` (escaped text), `url` (an http(s) URL, the only kind allowed in `href`/`src`),
 * `locale` (the `t` label table, checked against the locale files).
 */
import type { SummaryView } from '../summary/summary-view.js';
import type { DigestView, FindingView, InsightView, SeverityView, SubjectView } from './view-model.js';

export type ShapeNode = 'text' | 'url' | 'locale' | readonly [ShapeNode] | { readonly [key: string]: ShapeNode };

type ShapeOf<V> = V extends readonly (infer U)[]
  ? readonly [ShapeOf<U>]
  : V extends string
    ? 'text' | 'url'
    : V extends number | boolean
      ? 'text'
      : V extends object
        ? Shape<V>
        : never;

/** Every field of `T`, required, each mapped to its shape; `t` is the label table. */
export type Shape<T> = { readonly [K in keyof T]-?: K extends 't' ? 'locale' : ShapeOf<NonNullable<T[K]>> };

const severity = { code: 'text', label: 'text', color: 'text', textColor: 'text' } as const satisfies Shape<SeverityView>;
const action = { name: 'text', description: 'text' } as const;

const findingShape = {
  t: 'locale',
  action,
  finding: {
    title: 'text',
    description: 'text',
    descriptionNote: 'text',
    severity,
    account: 'text',
    accountName: 'text',
    region: 'text',
    product: 'text',
    company: 'text',
    id: 'text',
    missing: 'text',
    descriptionLines: ['text'],
    generator: 'text',
    types: ['text'],
    control: 'text',
    standards: ['text'],
    complianceStatus: 'text',
    relatedRequirements: ['text'],
    reasons: [{ code: 'text', description: 'text' }],
    annotation: 'text',
    activity: [{ label: 'text', value: 'text' }],
    related: [{ title: 'text', id: 'text', traits: 'text' }],
    remediationText: 'text',
    remediationUrl: 'url',
    primaryResource: 'text',
    resources: [{ type: 'text', id: 'text', region: 'text', tags: ['text'], details: ['text'] }],
    resourcesNote: 'text',
    vulnerabilities: [
      {
        id: 'text',
        cvss: 'text',
        exploitAvailable: 'text',
        fixAvailable: 'text',
        epss: 'text',
        packages: ['text'],
        fixedIn: 'text',
        remediations: ['text'],
        relatedIds: ['text'],
        vendor: 'text',
        advisoryUrl: 'url',
        referenceUrls: ['url'],
        referencesNote: 'text',
      },
    ],
    vulnerabilitiesNote: 'text',
    evidence: ['text'],
    note: { text: 'text', lines: ['text'], updatedBy: 'text', updatedAt: 'text' },
    firstObservedAt: 'text',
    lastObservedAt: 'text',
    createdAt: 'text',
    updatedAt: 'text',
    workflowStatus: 'text',
    recordState: 'text',
    sourceUrl: 'url',
    consoleUrl: 'url',
    consoleNote: 'text',
  },
} as const satisfies Shape<FindingView>;

const digestShape = {
  t: 'locale',
  action,
  digest: {
    heading: 'text',
    severityCounts: [{ severity, count: 'text' }],
    controlCounts: [{ control: 'text', count: 'text' }],
    controlsNote: 'text',
    findings: [
      {
        title: 'text',
        severity,
        resource: 'text',
        resourceNote: 'text',
        control: 'text',
        account: 'text',
        region: 'text',
        product: 'text',
        updatedAt: 'text',
        consoleUrl: 'url',
      },
    ],
    findingsNote: 'text',
  },
} as const satisfies Shape<DigestView>;

const insightShape = {
  t: 'locale',
  insight: {
    name: 'text',
    resultType: 'text',
    rows: [{ value: 'text', count: 'text' }],
    rowsNote: 'text',
    account: 'text',
    region: 'text',
    arn: 'text',
    consoleUrl: 'url',
    consoleNote: 'text',
  },
} as const satisfies Shape<InsightView>;

const summaryShape = {
  t: 'locale',
  summary: {
    route: 'text',
    heading: 'text',
    period: 'text',
    open: 'text',
    severityCounts: [{ severity, count: 'text' }],
    trend: 'text',
    trendColor: 'text',
    newCount: 'text',
    resolvedCount: 'text',
    byTimestamps: 'text',
    mailedCount: 'text',
    showMailed: 'text',
    owner: 'text',
    accounts: [{ label: 'text', critical: 'text', high: 'text', medium: 'text', low: 'text', open: 'text' }],
    accountsNote: 'text',
    controls: [{ control: 'text', title: 'text', count: 'text' }],
    controlsNote: 'text',
    oldest: [{ severity, title: 'text', account: 'text', region: 'text', since: 'text', consoleUrl: 'url' }],
    consoleUrl: 'url',
    problems: ['text'],
  },
} as const satisfies Shape<SummaryView>;

const subjectShape = {
  t: 'locale',
  finding: 'text',
  digest: 'text',
  insight: 'text',
  summary: 'text',
  severity: 'text',
  title: 'text',
  control: 'text',
  action: 'text',
  account: 'text',
  accountName: 'text',
  region: 'text',
} as const satisfies Shape<SubjectView>;

/** The declared paths of each template's view model. */
export const VIEW_SHAPES = {
  finding: findingShape,
  digest: digestShape,
  insight: insightShape,
  summary: summaryShape,
  subject: subjectShape,
} as const satisfies Record<string, ShapeNode>;
