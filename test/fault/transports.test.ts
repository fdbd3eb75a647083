/**
 * The SES v2 and SNS transports, with the real SDK clients, through a fault-injecting proxy in
 * front of the local stand-ins. Transient faults are retried and the email arrives exactly once;
 * faults that outlast the retries, and rejections, surface as a `DeliveryError` that says whether
 * a later retry (SQS redelivery) may help, and nothing arrives.
 */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSesTransport } from '../../functions/adapters/ses-transport.js';
import { createSnsTransport } from '../../functions/adapters/sns-transport.js';
import type { Transport } from '../../functions/adapters/transport.js';
import { DeliveryError } from '../../functions/core/errors.js';
import {
  always,
  delay,
  ERROR_500,
  ERROR_503,
  type Fault,
  type FaultProxy,
  REJECT,
  RESET,
  sequence,
  startFaultProxy,
  THROTTLE,
} from '../support/fault-proxy.js';
import {
  createSubscribedTopic,
  type HttpSubscriber,
  type SesStandIn,
  type StandIn,
  startHttpSubscriber,
  startSes,
  startSns,
} from '../support/stand-ins.js';
import { ATTEMPTS, fastSes, fastSns, REQUEST_TIMEOUT_MS } from './fast-clients.js';
import { seedEmail } from './sample.js';

/** One transport under test, with a way to count what really arrived behind the proxy. */
interface Rig {
  readonly proxy: FaultProxy;
  readonly transport: Transport;
  /** Emails delivered so far (SES store / SNS subscriber), after the stand-in settled. */
  delivered(): Promise<number>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function sesRig(): Promise<Rig> {
  const ses: SesStandIn = await startSes();
  const proxy = await startFaultProxy({ target: ses.endpoint, protocol: 'rest-json' });
  const client: SESv2Client = fastSes(proxy.endpoint);
  const transport = createSesTransport({ client, from: 'notifier@example.com', to: ['soc@example.com'] });
  return {
    proxy,
    transport,
    delivered: async () => (await ses.emails()).length,
    reset: () => ses.clear(),
    async stop() {
      client.destroy();
      await proxy.stop();
      await ses.stop();
    },
  };
}

async function snsRig(): Promise<Rig> {
  const sns: StandIn = await startSns();
  const subscriber: HttpSubscriber = await startHttpSubscriber();
  const proxy = await startFaultProxy({ target: sns.endpoint, protocol: 'query' });
  const client: SNSClient = fastSns(proxy.endpoint);
  const transport = createSnsTransport({ client, topicArn: await createSubscribedTopic(sns, 'fault-suite', subscriber) });
  return {
    proxy,
    transport,
    async delivered() {
      // The stand-in posts to the subscriber after it answers Publish: wait for the posts it owes.
      const published = proxy.forwarded().filter((r) => r.status === 200 && r.body.includes('Action=Publish')).length;
      if (published > 0) await subscriber.waitFor(published);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return subscriber.received.length;
    },
    async reset() {
      subscriber.received.length = 0;
    },
    async stop() {
      client.destroy();
      await proxy.stop();
      await subscriber.stop();
      await sns.stop();
    },
  };
}

const TRANSIENT: readonly [string, Fault][] = [
  ['429 throttling', THROTTLE],
  ['500 internal failure', ERROR_500],
  ['503 service unavailable', ERROR_503],
  ['a connection reset', RESET],
  [`a response slower than the ${REQUEST_TIMEOUT_MS} ms request timeout`, delay(REQUEST_TIMEOUT_MS * 3)],
];

describe.each([
  ['SES v2', sesRig],
  ['SNS', snsRig],
])('%s transport through a fault-injecting proxy', (_name, start) => {
  let rig: Rig;
  const email = seedEmail();

  beforeAll(async () => {
    rig = await start();
  });
  afterAll(() => rig.stop());
  beforeEach(() => rig.reset());

  it.each(TRANSIENT)('retries after %s and delivers exactly once', async (_fault, fault) => {
    // Prepare
    rig.proxy.script(sequence([fault]));

    // Act
    await rig.transport.send(email);

    // Assess
    expect(rig.proxy.requests.map((r) => r.fault.kind)).toEqual([fault.kind, 'pass']);
    expect(rig.proxy.forwarded()).toHaveLength(1);
    expect(await rig.delivered()).toBe(1);
  });

  it(`survives ${ATTEMPTS - 1} different transient faults in a row (the retry budget) and delivers once`, async () => {
    // Prepare
    rig.proxy.script(sequence([THROTTLE, RESET, ERROR_503]));

    // Act
    await rig.transport.send(email);

    // Assess
    expect(rig.proxy.requests).toHaveLength(ATTEMPTS);
    expect(await rig.delivered()).toBe(1);
  });

  it('waits out a slow response that stays within the timeout', async () => {
    // Prepare
    rig.proxy.script(sequence([delay(REQUEST_TIMEOUT_MS / 3)]));

    // Act
    await rig.transport.send(email);

    // Assess: one request, answered late but in time; no retry, one email.
    expect(rig.proxy.requests).toHaveLength(1);
    expect(await rig.delivered()).toBe(1);
  });

  it.each([
    ['throttling', THROTTLE],
    ['503', ERROR_503],
    ['connection resets', RESET],
  ])(`gives up after ${ATTEMPTS} attempts of persistent %s with a transient DeliveryError, delivering nothing`, async (_what, fault) => {
    // Prepare
    rig.proxy.script(always(fault));

    // Act
    const error = await rig.transport.send(email).then(
      () => undefined,
      (e: unknown) => e,
    );

    // Assess
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ name: 'DeliveryError', transient: true });
    expect(rig.proxy.requests).toHaveLength(ATTEMPTS);
    expect(await rig.delivered()).toBe(0);
  });

  it('does not retry a rejection (400) and reports it as permanent', async () => {
    // Prepare
    rig.proxy.script(always(REJECT));

    // Act
    const error = await rig.transport.send(email).then(
      () => undefined,
      (e: unknown) => e,
    );

    // Assess
    expect(error).toMatchObject({ name: 'DeliveryError', transient: false });
    expect(rig.proxy.requests).toHaveLength(1);
    expect(await rig.delivered()).toBe(0);
  });
});
