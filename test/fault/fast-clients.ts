/** SDK clients for the fault suites: the real clients, pointed at a fault proxy, retrying fast. */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { DUMMY_CREDENTIALS, LOCAL_REGION } from '../support/stand-ins.js';

/** Attempts per call, as in production (`SDK_RETRY.maxAttempts`): one try and three retries. */
export const ATTEMPTS = 4;
/** Client-side timeout per attempt: a `delay` fault longer than this is a timed-out attempt. */
export const REQUEST_TIMEOUT_MS = 300;

function options(endpoint: string) {
  return {
    endpoint,
    region: LOCAL_REGION,
    credentials: DUMMY_CREDENTIALS,
    // Same attempt count as production, 10 ms between attempts so the suite stays fast.
    retryStrategy: new ConfiguredRetryStrategy(ATTEMPTS, () => 10),
    requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
  };
}

export const fastSes = (endpoint: string): SESv2Client => new SESv2Client(options(endpoint));
export const fastSns = (endpoint: string): SNSClient => new SNSClient(options(endpoint));
