/**
 * Where the local outbox and the preview say an email would go when the configuration names no
 * one: reserved `.invalid` addresses that can never be delivered, and an example topic.
 */
export const PLACEHOLDER = {
  from: 'securityhub-notifier@example.invalid',
  to: ['security-team@example.invalid'],
  topicArn: 'arn:aws:sns:us-east-1:111122223333:securityhub-email-notifier-outbox',
} as const;
