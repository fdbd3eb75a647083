/**
 * The Lambda handler (functions/handler.ts) with its production SDK clients, driven with SQS
 * batches while a fault-injecting proxy stands between it and the local SES v2 / SNS stand-ins.
 * Transient faults are retried inside the invocation; what outlasts the retries comes back in
 * `batchItemFailures`, so SQS redelivers it and finally dead-letters it. Every input finding is
 * delivered or dead-lettered, none lost and none sent twice.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  always,
  delay,
  ERROR_500,
  ERROR_503,
  type FaultProxy,
  PASS,
  RESET,
  reject,
  sequence,
  startFaultProxy,
  THROTTLE,
} from '../support/fault-proxy.js';
import { findingIdOf, seedEvent } from '../support/seed-events.js';
import { jsonLines } from '../support/sqs.js';
import {
  createSubscribedTopic,
  type HttpSubscriber,
  type SesStandIn,
  type StandIn,
  startHttpSubscriber,
  startSes,
  startSns,
} from '../support/stand-ins.js';
import { type Message, runWithRedrive, sqsEvent } from './batch.js';
import { type LoadedHandler, loadHandler, SECRET_ACCESS_KEY, SESSION_TOKEN } from './lambda-env.js';

const FROM = 'notifier-sender@example.com';
/**
 * Pacing off (100 a second): these suites count deliveries, they do not measure the send rate. One
 * email per finding: these batches are one group of at most ten, below the digest threshold.
 */
const FAST = { rate: { perSecond: 100 }, digest: { threshold: 20 } };
const RECIPIENT = 'soc-team-private@example.com';

/** `count` good messages (one finding each), tagged m0, m1, ... */
function goodMessages(count: number): { messages: Message[]; findingIds: string[] } {
  const events = Array.from({ length: count }, (_, i) => seedEvent({ tag: `m${i}` }));
  return {
    messages: events.map((event, i) => ({ messageId: `msg-m${i}`, body: JSON.stringify(event), receiveCount: 1 })),
    findingIds: events.map(findingIdOf),
  };
}

const POISON: Message = { messageId: 'msg-poison', body: '{"version":"0","id":"broken", "detail-type": ', receiveCount: 1 };
const NO_TITLE: Message = (() => {
  const event = seedEvent({ tag: 'no-title' });
  // Neither Title nor Description: nothing to show, so the finding is refused (one missing alone is mailed).
  delete event.detail.findings[0]?.Title;
  delete event.detail.findings[0]?.Description;
  return { messageId: 'msg-no-title', body: JSON.stringify(event), receiveCount: 1 };
})();

/** Tags `[m0]`, `[m1]`... found in what was delivered, with how often each arrived. */
function tally(subjects: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const subject of subjects) {
    const tag = /\[(m\d+)\]/.exec(subject)?.[1] ?? subject;
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

describe('Lambda handler with SES v2 through a fault-injecting proxy', () => {
  let ses: SesStandIn;
  let proxy: FaultProxy;
  let lambda: LoadedHandler;

  beforeAll(async () => {
    ses = await startSes();
    proxy = await startFaultProxy({ target: ses.endpoint, protocol: 'rest-json' });
  });
  afterAll(async () => {
    await proxy.stop();
    await ses.stop();
  });
  // A cold start per test: the SDK's adaptive rate limiter keeps what it learnt from throttling.
  beforeEach(async () => {
    lambda = await loadHandler(
      { transport: 'ses', ses: { from: FROM, to: [RECIPIENT] }, policy: FAST },
      { AWS_ENDPOINT_URL_SESV2: proxy.endpoint },
    );
  });
  afterEach(async () => {
    lambda.restore();
    await ses.clear();
    // Whatever happened, the function logged neither credentials nor addresses.
    const text = lambda.logs.join('');
    for (const secret of [SECRET_ACCESS_KEY, SESSION_TOKEN, RECIPIENT, FROM]) expect(text).not.toContain(secret);
  });

  async function delivered(): Promise<Map<string, number>> {
    return tally((await ses.emails()).map((e) => e.subject));
  }

  it('retries transient faults within the invocation: every record delivered once, none reported failed', async () => {
    // Prepare: throttling, 5xx and resets scattered over the batch, at most two in a row.
    const { messages } = goodMessages(6);
    proxy.script(sequence([ERROR_503, PASS, RESET, PASS, ERROR_500, PASS, PASS, RESET, PASS, THROTTLE]));

    // Act
    const response = await lambda.handler(sqsEvent(messages));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const counts = await delivered();
    expect([...counts.keys()].sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('reports every record as failed when SES stays down, and sends nothing', async () => {
    // Prepare
    const { messages } = goodMessages(3);
    proxy.script(always(ERROR_503));

    // Act
    const response = await lambda.handler(sqsEvent(messages));

    // Assess
    expect(response?.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(messages.map((m) => m.messageId));
    expect(await delivered()).toEqual(new Map());
    const failures = jsonLines(lambda.logs).filter((e) => e.message === 'delivery failed');
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.at(-1)).toMatchObject({ transport: 'ses', transient: true });
  });

  it('never lets a poison message block the batch: it alone is reported, with its reason logged', async () => {
    // Prepare
    const { messages } = goodMessages(2);
    const [first, second] = messages as [Message, Message];
    proxy.script(always(PASS));

    // Act
    const response = await lambda.handler(sqsEvent([first, POISON, NO_TITLE, second]));

    // Assess
    expect(response?.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['msg-poison', 'msg-no-title']);
    expect([...(await delivered()).keys()].sort()).toEqual(['m0', 'm1']);
    const invalid = jsonLines(lambda.logs).filter((e) => e.message === 'invalid event');
    expect(invalid).toContainEqual(expect.objectContaining({ input: 'msg-poison', reason: expect.stringContaining('not JSON') }));
    expect(invalid).toContainEqual(expect.objectContaining({ input: 'msg-no-title', path: 'detail.findings[0].Title' }));
  });

  it('does not let one finding the renderer cannot handle (a lone surrogate in ProductName) block the batch', async () => {
    // Prepare: JSON may carry "\\ud800"; percent-encoding it for a header would throw without the
    // cleaners' U+FFFD replacement (see test/security/lone-surrogate.test.ts).
    const { messages } = goodMessages(2);
    const [first, second] = messages as [Message, Message];
    const event = seedEvent({ tag: 'lone' });
    (event.detail.findings[0] as Record<string, unknown>).ProductName = 'Scanner LONE';
    const lone: Message = { messageId: 'msg-lone', body: JSON.stringify(event).replace('LONE', '\\ud800'), receiveCount: 1 };
    proxy.script(always(PASS));

    // Act
    const response = await lambda.handler(sqsEvent([first, lone, second]));

    // Assess: every record is delivered, the odd one too (its lone surrogate became U+FFFD).
    const counts = await delivered();
    const keys = [...counts.keys()];
    expect(keys).toEqual(expect.arrayContaining(['m0', 'm1']));
    expect(keys.filter((key) => key.includes('[lone]'))).toHaveLength(1);
    expect([...counts.values()]).toEqual([1, 1, 1]);
    expect(response?.batchItemFailures).toEqual([]);
  });

  it('loses nothing and sends nothing twice through an outage and SQS redrive: delivered or dead-lettered', async () => {
    // Prepare: SES answers 503 to the first 12 requests (three emails exhaust their 4 attempts), then heals.
    const { messages, findingIds } = goodMessages(8);
    proxy.script((index) => (index < 12 ? ERROR_503 : PASS));
    const inputs = [...messages.slice(0, 4), POISON, ...messages.slice(4), NO_TITLE];

    // Act
    const { deadLettered, invocations } = await runWithRedrive(lambda.handler, inputs, 3);

    // Assess: every input is accounted for exactly once.
    const counts = await delivered();
    expect(invocations).toBeGreaterThan(1);
    expect(deadLettered.sort()).toEqual(['msg-no-title', 'msg-poison']);
    expect([...counts.keys()].sort()).toEqual(messages.map((m) => m.messageId.replace('msg-', '')).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size + deadLettered.length).toBe(inputs.length);
    expect(findingIds).toHaveLength(8);
    // The function logged one 'email sent' per finding, however many invocations it took.
    const sent = jsonLines(lambda.logs).filter((e) => e.message === 'email sent');
    expect(sent.map((e) => e.findingId).sort()).toEqual([...findingIds].sort());
  });

  it('dead-letters every message when the outage outlasts the redrive, and delivers none', async () => {
    // Prepare
    const { messages } = goodMessages(3);
    proxy.script(always(ERROR_500));

    // Act
    const { deadLettered, invocations } = await runWithRedrive(lambda.handler, messages, 3);

    // Assess
    expect(invocations).toBe(3);
    expect(deadLettered.sort()).toEqual(messages.map((m) => m.messageId).sort());
    expect(await delivered()).toEqual(new Map());
  });

  it('reports a record as failed after persistent throttling, with the transient reason logged', async () => {
    // Prepare: one record only; the SDK's adaptive mode slows down under throttling (about 4 s here).
    const { messages } = goodMessages(1);
    proxy.script(always(THROTTLE));

    // Act
    const response = await lambda.handler(sqsEvent(messages));

    // Assess
    expect(response?.batchItemFailures).toEqual([{ itemIdentifier: 'msg-m0' }]);
    expect(proxy.requests.length).toBeGreaterThanOrEqual(4);
    expect(proxy.forwarded()).toHaveLength(0);
    const [failure] = jsonLines(lambda.logs).filter((e) => e.message === 'delivery failed');
    expect(failure).toMatchObject({
      input: 'msg-m0',
      transport: 'ses',
      transient: true,
      reason: expect.stringContaining('TooManyRequests'),
    });
  });

  it('reports a rejection that names the recipient without logging the address', async () => {
    // Prepare: SES names unverified identities in its MessageRejected message.
    const { messages } = goodMessages(1);
    proxy.script(
      always(reject(`Email address is not verified. The following identities failed the check in region US-EAST-1: ${RECIPIENT}`)),
    );

    // Act
    const response = await lambda.handler(sqsEvent(messages));

    // Assess
    expect(response?.batchItemFailures).toEqual([{ itemIdentifier: 'msg-m0' }]);
    expect(proxy.requests).toHaveLength(1);
    const [failure] = jsonLines(lambda.logs).filter((e) => e.message === 'delivery failed' && e.transient === false);
    expect(failure).toMatchObject({ input: 'msg-m0', reason: expect.stringContaining('<address>') });
  });

  it('gives up on a hung SES call well within the 60 s function timeout and retries it (the SDK default is 300 s)', async () => {
    // Prepare: the first SendEmail gets no answer for 45 s. Without a request timeout in the
    // production clients the invocation hangs until Lambda kills it, and SQS then redelivers the
    // WHOLE batch, records already sent included: duplicates. See SECURITY.md (known gaps).
    // Last in this describe: while it fails, the abandoned invocation ends when the proxy stops.
    const { messages } = goodMessages(1);
    proxy.script(sequence([delay(45_000)]));

    // Act
    const response = await lambda.handler(sqsEvent(messages));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect([...(await delivered()).values()]).toEqual([1]);
  }, 30_000);
});

describe('Lambda handler with SNS through a fault-injecting proxy', () => {
  let sns: StandIn;
  let subscriber: HttpSubscriber;
  let proxy: FaultProxy;
  let lambda: LoadedHandler;

  beforeAll(async () => {
    sns = await startSns();
    subscriber = await startHttpSubscriber();
    const topicArn = await createSubscribedTopic(sns, 'handler-fault-suite', subscriber);
    proxy = await startFaultProxy({ target: sns.endpoint, protocol: 'query' });
    lambda = await loadHandler({ transport: 'sns', sns: { topicArn }, policy: FAST }, { AWS_ENDPOINT_URL_SNS: proxy.endpoint });
  });
  afterAll(async () => {
    lambda.restore();
    await proxy.stop();
    await subscriber.stop();
    await sns.stop();
  });

  /** Subjects the subscriber got, once the stand-in has posted every accepted Publish. */
  async function delivered(): Promise<Map<string, number>> {
    const published = proxy.forwarded().filter((r) => r.status === 200).length;
    if (published > 0) await subscriber.waitFor(published);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The tag is read from the message: SNS's 100-character subject shortens the title to keep account and Region.
    const subjects = subscriber.received.map((d) => (JSON.parse(d.body) as { Message: string }).Message.split('\n')[0] ?? '');
    subscriber.received.length = 0;
    return tally(subjects);
  }

  it('retries Throttling, 5xx and resets: every record published once', async () => {
    // Prepare
    const { messages } = goodMessages(5);
    proxy.script(sequence([THROTTLE, ERROR_500, PASS, RESET, PASS, ERROR_503, RESET, PASS]));

    // Act
    const response = await lambda.handler(sqsEvent(messages));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const counts = await delivered();
    expect([...counts.keys()].sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('loses nothing and publishes nothing twice through an outage and SQS redrive', async () => {
    // Prepare
    const { messages } = goodMessages(5);
    proxy.script((index) => (index < 8 ? ERROR_503 : PASS));

    // Act
    const { deadLettered } = await runWithRedrive(lambda.handler, [...messages, POISON], 3);

    // Assess
    const counts = await delivered();
    expect(deadLettered).toEqual(['msg-poison']);
    expect([...counts.keys()].sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('logs no credentials, through a throttled and then a successful publish', async () => {
    // Prepare: its own records, so the check does not lean on the tests before it
    const { messages } = goodMessages(2);
    proxy.script(sequence([THROTTLE, PASS, PASS]));

    // Act
    const response = await lambda.handler(sqsEvent(messages));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect([...(await delivered()).keys()].sort()).toEqual(['m0', 'm1']);
    const text = lambda.logs.join('');
    expect(text).toContain('email sent');
    for (const secret of [SECRET_ACCESS_KEY, SESSION_TOKEN]) expect(text).not.toContain(secret);
  });
});
