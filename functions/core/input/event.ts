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
}
