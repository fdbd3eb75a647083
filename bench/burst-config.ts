/**
 * The configuration the burst and the load test run with: the SNS transport's settings and the default
 * filters. A digest threshold of 10 (a whole SQS batch) keeps the burst the worst case: every finding
 * its own rendered email, as before the default threshold became 5.
 */
export const BURST_CONFIG_RAW = {
  transport: 'sns',
  sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:t' },
  policy: { digest: { threshold: 10 } },
} as const;
