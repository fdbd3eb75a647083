import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../functions/core/errors.js';
import { isTransient, toDeliveryError } from '../../../functions/notifier/delivery-failure.js';

/** An error shaped like the AWS SDK's ServiceException. */
function sdkError(name: string, status: number | undefined, fault?: 'client' | 'server') {
  return Object.assign(new Error(`${name} happened`), {
    name,
    $metadata: status === undefined ? {} : { httpStatusCode: status },
    ...(fault ? { $fault: fault } : {}),
  });
}

describe('mapping SDK errors to DeliveryError', () => {
  it.each([
    ['TooManyRequestsException', 429, 'client', true],
    ['ThrottledException', 400, 'client', true],
    ['InternalFailure', 500, 'server', true],
    ['ServiceUnavailable', 503, 'server', true],
    ['Error', undefined, undefined, true],
    ['MessageRejected', 400, 'client', false],
    ['MailFromDomainNotVerifiedException', 400, 'client', false],
    ['AccountSuspendedException', 400, 'client', false],
    ['BadRequestException', 400, 'client', false],
    ['AuthorizationErrorException', 403, 'client', false],
  ] as const)('%s (HTTP %s) is transient: %s', (name, status, fault, transient) => {
    expect(isTransient(sdkError(name, status, fault))).toBe(transient);
  });

  it('treats a socket error as transient and a plain bug as permanent', () => {
    expect(isTransient(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(new TypeError('x is not a function'))).toBe(false);
  });

  it('keeps the cause, names the error and redacts addresses in the message', () => {
    // Prepare
    const cause = sdkError('MessageRejected', 400, 'client');
    cause.message =
      'Email address is not verified. The following identities failed the check in region US-EAST-1: soc@example.com, "Ops" <ops@example.org>';

    // Act
    const error = toDeliveryError('ses', cause);

    // Assess
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ name: 'DeliveryError', transport: 'ses', transient: false, cause });
    expect(error.message).toMatch(/^ses: MessageRejected: Email address is not verified/);
    expect(error.message).not.toMatch(/example\.(com|org)/);
  });
});
