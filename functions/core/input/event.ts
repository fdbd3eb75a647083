/** The EventBridge envelope the notifier reads, and the detail-types it knows. */

export const DETAIL_TYPES = {
  imported: 'Security Hub Findings - Imported',
  customAction: 'Security Hub Findings - Custom Action',
  insightResults: 'Security Hub Insight Results',
  importedV2: 'Findings Imported V2',
} as const;
export type DetailTypeKey = keyof typeof DETAIL_TYPES;
export type DetailType = (typeof DETAIL_TYPES)[DetailTypeKey];

export const EVENT_SOURCE = 'aws.securityhub';

/** An EventBridge event from `aws.securityhub`, checked only as far as the envelope. */
export interface SecurityHubEvent {
  readonly id: string;
  readonly detailType: string;
  readonly source: string;
  readonly account: string;
  readonly region: string;
  readonly time: string;
  /** Unchecked: the per-detail-type readers check what they use. */
  readonly detail: unknown;
  /** The event's `resources` (strings only): a Custom Action event names its action's ARN here. */
  readonly resources?: readonly string[];
  /**
   * Set on synthetic events that wrap one replayed finding: the JSON path of that finding in the
   * original input (e.g. `Findings[3]`, `[2]`, `""` for a bare finding), so errors point into the
   * file a person opened rather than into the wrapper. Absent for real events (`detail.findings[i]`).
   */
  readonly findingPath?: string;
}

/** The pre-2020 detail-type, read as `Security Hub Findings - Imported`. */
export const LEGACY_IMPORTED_DETAIL_TYPE = 'Security Hub Findings';
