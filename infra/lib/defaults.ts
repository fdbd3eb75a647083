/**
 * The deployment's defaults, in one place: the construct (`SecurityHubEmailNotifier`) falls back to
 * them for each prop not given, the deployment configuration (`deploy-config.ts`) fills them in for
 * each setting left out, and the docs table is generated from that schema (`npm run docs:config`).
 * Grouped as the deployment configuration groups them (`queue`, `function`, `alarms`).
 */
export const DEPLOY_DEFAULTS = {
  queue: {
    /** Messages per invocation; 10 is the most an SQS event source takes without a batching window of 1 s or more. */
    batchSize: 10,
    /** Short: the delivery windows group findings across invocations (docs/windows.md). */
    maxBatchingWindowSeconds: 5,
    /** Receives before a buffered message moves to the dead-letter queue. */
    maxReceiveCount: 5,
    /** The event source's maximum concurrency: its least (2), and nothing reserved, so a new account can deploy it. */
    maxConcurrency: 2,
  },
  function: {
    /** MB: enough for a batch of 10 ("Memory: 256 MB is enough", docs/benchmark.md). */
    memorySize: 256,
    timeoutSeconds: 60,
    logRetentionDays: 90,
    logLevel: 'INFO',
  },
  alarms: {
    /** The oldest buffered message's age that raises the backlog alarm (15 minutes). */
    oldestMessageAgeSeconds: 900,
  },
} as const;

/**
 * The queues' visibility timeout is this many times the function timeout (plus the batching
 * window): "set the source queue's visibility timeout to at least six times the configuration
 * timeout on your function" ("Creating and configuring an Amazon SQS event source mapping",
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
 */
export const VISIBILITY_TIMEOUT_FACTOR = 6;
