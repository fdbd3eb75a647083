/** The notifier's CloudWatch metric names, shared by the handler (EMF) and the CDK construct (alarm). */

/** CloudWatch namespace of the notifier's metrics. */
export const METRICS_NAMESPACE = 'SecurityHubEmailNotifier';

/** The `service` dimension Powertools adds (`POWERTOOLS_SERVICE_NAME`). */
export const METRICS_SERVICE = 'securityhub-email-notifier';

/** Metric names; `Failed` raises the construct's alarm. */
export const METRIC = {
  received: 'FindingsReceived',
  mailed: 'FindingsMailed',
  sent: 'EmailsSent',
  deduplicated: 'Deduplicated',
  silenced: 'Silenced',
  digested: 'Digested',
  filtered: 'Filtered',
  failed: 'Failed',
} as const;
