/** The configuration the burst and the load test run with: the SNS transport's settings and the default filters. */
export const BURST_CONFIG_RAW = { transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:t' } } as const;
