/**
 * `npm run simulate`'s engine: the deployed plumbing on a simulated clock. The real handler factory
 * (`createHandler`) runs against dynalite and the SES v2 or SNS stand-in over loopback; the buffer
 * and the flush queue are fed to it as the synthesized event source mappings say; invocations may
 * crash; every finding is accounted for at the end (emailed, skipped, dead-lettered, or lost).
 */
import { startDynalite } from '../../test/integration/state/dynalite.js';
import { createTransport } from '../adapters/create-transport.js';
import { staticDirectory } from '../adapters/directory/directory-source.js';
import { createDynamoStateStore } from '../adapters/state/dynamodb-store.js';
import { withFallback } from '../adapters/state/fallback.js';
import type { AccountDirectory } from '../core/accounts/directory.js';
import type { SendingConfig } from '../core/config.js';
import { createEventPipeline } from '../core/pipeline/pipeline.js';
import type { Renderer } from '../core/render/renderer.js';
import { createHandler } from '../notifier/create-handler.js';
import { flushBody } from '../notifier/windows/flush-message.js';
import { account, pendingFindings } from './accounting.js';
import { createTables, startDelivery } from './delivery-stand-in.js';
import { createEventSource } from './event-source.js';
import {
  type DynamoStats,
  type Invocation,
  instrumentDynamo,
  instrumentTransport,
  io,
  type SentEmail,
  SimulatedCrash,
} from './instrument.js';
import { seededRandom } from './random.js';
import type { SynthesizedPlumbing } from './synth-event-source.js';
import { createVirtualClock } from './virtual-clock.js';

/** One input: an SQS message body (an EventBridge event) arriving at `arrivalMs` after the first. */
export interface SimInput {
  readonly body: string;
  readonly arrivalMs: number;
}

export interface SimulationOptions {
  /** The first notifier's configuration (`ses` or `sns`; for SNS the stand-in's topic replaces `sns`). */
  readonly notifier: SendingConfig;
  readonly plumbing: SynthesizedPlumbing;
  readonly renderer: Renderer;
  readonly inputs: readonly SimInput[];
  readonly seed: number;
  /** Probability that an invocation dies at a random point of its work. */
  readonly crashRate: number;
  /** The account directory (`--accounts FILE`), standing in for Organizations and the Account API. */
  readonly directory?: AccountDirectory;
}

/** The `--json` shape of the issue: times in simulated seconds since the first input arrived. */
export interface SimulationResult {
  readonly eventSource: { readonly batchSize: number; readonly maxBatchingWindowSeconds: number; readonly maxConcurrency: number };
  readonly findings: number;
  readonly invocations: number;
  /** Invocations that crashed or timed out (not in the `--json` shape). */
  readonly crashed: number;
  readonly emails: { subject: string; destination: string; sentAtSeconds: number; findingIds: string[] }[];
  readonly skipped: { findingId: string; kind: string }[];
  readonly deadLettered: { findingId: string; queue: 'buffer' | 'flush' }[];
  readonly lost: string[];
  readonly maxSendsPerSecond: number;
  readonly dynamodbRequestsPerFinding: number;
  /** On-demand request units, for the cost estimate. */
  readonly dynamodbUnits: { readonly read: number; readonly write: number };
  /** What the stand-in received (SES store entries or SNS deliveries), to check against `emails`. */
  readonly delivered: { subject: string; text: string }[];
}

const START = Date.parse('2026-12-01T00:00:00Z');
const STATE_TABLE = 'simulated-state';
const WINDOW_TABLE = 'simulated-windows';

/**
 * @example
 * const result = await simulate({ notifier, plumbing: synthesizePlumbing(deploy), renderer, inputs, seed: 1, crashRate: 0 });
 */
export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const clock = createVirtualClock(START);
  const random = seededRandom(options.seed);
  const dynamo = await startDynalite();
  const delivery = await startDelivery(options.notifier);
  try {
    const client = dynamo.client();
    await createTables(client, STATE_TABLE, WINDOW_TABLE);
    const config: SendingConfig = {
      ...delivery.config,
      stateTable: STATE_TABLE,
      windowTable: WINDOW_TABLE,
      flushQueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/simulated-flush',
    };
    const transport = await createTransport(config);
    const pipeline = createEventPipeline(config, options.renderer);
    let crashes = 0;
    const stats: DynamoStats = { requests: 0, readUnits: 0, writeUnits: 0 };
    const sent: SentEmail[] = [];
    const skipped: { findingId: string; kind: string }[] = [];
    const log = {
      info(message: string, attributes: Record<string, unknown>) {
        if (message === 'finding skipped') skipped.push({ findingId: String(attributes.findingId), kind: String(attributes.kind) });
      },
      warn() {},
      error() {},
    };
    const { timeoutSeconds } = options.plumbing;

    const invoke = (records: Parameters<Parameters<typeof createEventSource>[3]>[0]) => {
      const invocation: Invocation = { dead: false, doomed: random() < options.crashRate, random };
      const crashed = () => {
        crashes++;
        return new SimulatedCrash('crashed');
      };
      const deadline = clock.now() + timeoutSeconds * 1000;
      const sleep = async (ms: number) => {
        await io(invocation, clock, async () => undefined);
        await clock.sleep(ms);
      };
      const handler = createHandler({
        config,
        pipeline,
        transport: instrumentTransport(transport, invocation, clock, sent, delivery.destination),
        log,
        store: withFallback(
          createDynamoStateStore({
            client: instrumentDynamo(client, invocation, clock, stats),
            tableName: STATE_TABLE,
            now: () => new Date(clock.now()),
          }),
          () => undefined,
        ),
        ...(options.directory ? { directory: staticDirectory(options.directory) } : {}),
        windows: {
          dynamo: instrumentDynamo(client, invocation, clock, stats),
          flushes: { schedule: (message, delay) => io(invocation, clock, async () => flush.send(flushBody(message), delay)) },
        },
        now: () => new Date(clock.now()),
        sleep,
        writeMetrics: () => undefined,
      });
      let returned = false;
      const timedOut = new Promise<never>((_, reject) =>
        clock.at(deadline, () => {
          // An invocation that returned before its deadline did not time out.
          if (invocation.dead || returned) return;
          invocation.dead = true;
          reject(crashed());
        }),
      );
      const run = (async () => {
        // Module loading is real I/O: the clock holds still meanwhile.
        await clock.track(handler.ready);
        return handler({ Records: records }, { getRemainingTimeInMillis: () => deadline - clock.now() });
      })()
        .finally(() => {
          returned = true;
        })
        .then((response) => {
          if (invocation.doomed) invocation.dead = true; // survived every point: dies before its response
          if (invocation.dead) throw crashed();
          return response;
        });
      timedOut.catch(() => undefined);
      return Promise.race([run, timedOut]);
    };

    const buffer = createEventSource(clock, 'buffer', options.plumbing.buffer, invoke);
    const flush = createEventSource(clock, 'flush', options.plumbing.flush, invoke);
    for (const input of options.inputs) clock.at(START + input.arrivalMs, () => buffer.send(input.body));
    await clock.run();

    const { batchSize, maxBatchingWindowSeconds, maxConcurrency } = options.plumbing.buffer;
    return {
      eventSource: { batchSize, maxBatchingWindowSeconds, maxConcurrency },
      crashed: crashes,
      ...account({
        inputs: options.inputs.map((i) => i.body),
        pipeline,
        start: START,
        sent,
        skipped,
        stats,
        invocations: buffer.invocations() + flush.invocations(),
        bufferDead: buffer.deadLetters.map((m) => m.body),
        flushDead: flush.deadLetters.map((m) => m.body),
        pending: await pendingFindings(client, WINDOW_TABLE, pipeline),
      }),
      delivered: await delivery.delivered(),
    };
  } finally {
    await Promise.all([dynamo.stop(), delivery.stop()]);
  }
}
