/**
 * Maps an AWS SDK (or network) error to a `DeliveryError` that says whether a retry may help.
 * The SDK clients already retry transient errors (maxAttempts); what reaches us has exhausted them.
 */
import { DeliveryError } from '../core/errors.js';

/** Error names that mean "slow down" or "try later" in SES v2 and SNS. */
const TRANSIENT_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'LimitExceededException',
  'KMSThrottlingException',
  'InternalErrorException',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

/** Network-level failures: the request never got an answer. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

interface SdkErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * Whether a failed AWS call may succeed when tried again later: throttling, 5xx, network.
 * Rejections (MessageRejected, MailFromDomainNotVerified, AccountSuspended, BadRequest, 4xx) are permanent.
 */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as SdkErrorShape;
  if (typeof shape.name === 'string' && TRANSIENT_NAMES.has(shape.name)) return true;
  if (typeof shape.code === 'string' && NETWORK_CODES.has(shape.code)) return true;
  const status = shape.$metadata?.httpStatusCode;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  if (shape.$fault === 'server') return true;
  // An SDK error without an HTTP status: the request did not complete (socket, DNS, timeout).
  return shape.$metadata !== undefined && status === undefined && shape.$fault === undefined;
}

/**
 * Wraps a transport failure. Keeps the SDK error as `cause`; the message names the error, never the request or an address.
 *
 * @example
 * catch (cause) { throw toDeliveryError('ses', cause); }
 */
export function toDeliveryError(transport: string, error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const name = error instanceof Error ? error.name : 'UnknownError';
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(transport, isTransient(error), `${name}: ${oneLine(message)}`, { cause: error });
}

/** One line, at most 300 characters, with email addresses (SES names unverified ones) redacted. */
function oneLine(text: string): string {
  return text
    .replace(/[^\s@<>"',;:()[\]]+@[^\s@<>"',;:()[\]]+/g, '<address>')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}
