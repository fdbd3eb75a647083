/** SQS records as the event source mapping delivers them, and the handler's JSON log lines. */
import type { SQSRecord } from 'aws-lambda';

/**
 * One SQS record carrying `body`, as received for the `receiveCount`-th time.
 *
 * @example sqsRecord('m-1', JSON.stringify(event))
 */
export function sqsRecord(messageId: string, body: string, receiveCount = 1): SQSRecord {
  return {
    messageId,
    receiptHandle: `receipt-${messageId}-${receiveCount}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1714640400000',
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1714640400000',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:securityhub-email-notifier-buffer',
    awsRegion: 'us-east-1',
  };
}

/** The JSON objects among written chunks (Powertools and EMF write one JSON object per line). */
export function jsonLines(chunks: readonly unknown[]): Record<string, unknown>[] {
  return chunks
    .map(String)
    .join('')
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
