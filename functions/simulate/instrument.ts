/**
 * One simulated invocation's view of the world: the real clients, each call tracked by the virtual
 * clock (it holds still during real I/O), counted (DynamoDB requests and capacity units), and a
 * point where a doomed invocation may die: before a call, or after it took effect but before the
 * caller learns so (e.g. between a send and its state record).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Transport } from '../adapters/transport.js';
import type { Email } from '../core/render/email.js';
import type { VirtualClock } from './virtual-clock.js';

/** Thrown at a crash point; the invocation is dead from then on. */
export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/** A per-point chance of dying, for an invocation that will die: spreads the crash over its work. */
const PER_POINT = 0.12;

export interface Invocation {
  /** Dead: crashed or timed out; every further call throws. */
  dead: boolean;
  readonly doomed: boolean;
  readonly random: () => number;
}

export interface DynamoStats {
  requests: number;
  readUnits: number;
  writeUnits: number;
}

export interface SentEmail {
  readonly subject: string;
  readonly destination: string;
  readonly sentAt: number;
  readonly findingIds: readonly string[];
}

/** Dies here if the invocation is dead or its number comes up. */
export function crashPoint(invocation: Invocation): void {
  if (!invocation.dead && invocation.doomed && invocation.random() < PER_POINT) invocation.dead = true;
  if (invocation.dead) throw new SimulatedCrash('the invocation died here (simulated crash or timeout)');
}

/** Runs one real call as the invocation's I/O. */
export async function io<T>(invocation: Invocation, clock: VirtualClock, run: () => Promise<T>): Promise<T> {
  crashPoint(invocation);
  const out = await clock.track(run());
  crashPoint(invocation);
  return out;
}

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

/**
 * The DynamoDB client as this invocation sees it; each request asks for its consumed capacity.
 * `ReadCapacityUnits`/`WriteCapacityUnits` are on-demand read and write request units.
 */
export function instrumentDynamo(real: DynamoDBClient, invocation: Invocation, clock: VirtualClock, stats: DynamoStats): DynamoDBClient {
  const wrapped: DynamoDBClient = Object.create(real);
  const send = async (command: { input: Record<string, unknown>; constructor: { name: string } }) =>
    io(invocation, clock, async () => {
      command.input.ReturnConsumedCapacity = 'TOTAL';
      const out = (await real.send(command as never)) as { ConsumedCapacity?: Capacity | Capacity[] };
      stats.requests++;
      const read = /Get|Query/.test(command.constructor.name);
      for (const used of [out.ConsumedCapacity ?? []].flat()) {
        const units = used.CapacityUnits ?? 0;
        if (read) stats.readUnits += used.ReadCapacityUnits ?? units;
        else stats.writeUnits += used.WriteCapacityUnits ?? units;
      }
      return out;
    });
  Object.defineProperty(wrapped, 'send', { value: send });
  return wrapped;
}

/** The transport as this invocation sees it; every email that really went out is recorded. */
export function instrumentTransport(
  real: Transport,
  invocation: Invocation,
  clock: VirtualClock,
  sent: SentEmail[],
  destination: string,
): Transport {
  return {
    name: real.name,
    send: (email, to) =>
      io(invocation, clock, async () => {
        await real.send(email, to);
        sent.push({
          subject: email.subject,
          destination: to?.topicArn ?? to?.to?.join(', ') ?? destination,
          sentAt: clock.now(),
          findingIds: findingIdsOf(email),
        });
      }),
  };
}

function findingIdsOf(email: Email): string[] {
  const n = email.notification;
  if (n.kind === 'finding') return [n.finding.id];
  if (n.kind === 'digest') return n.findings.map((f) => f.id);
  return [];
}
