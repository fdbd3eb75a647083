/** The SQS event source model on the virtual clock, with a stand-in function that records its batches. */
import { describe, expect, it } from 'vitest';
import { createEventSource, type EventSourceParams } from '../../functions/simulate/event-source.js';
import { createVirtualClock } from '../../functions/simulate/virtual-clock.js';

const PARAMS: EventSourceParams = {
  batchSize: 10,
  maxBatchingWindowSeconds: 5,
  maxConcurrency: 2,
  visibilityTimeoutSeconds: 60,
  maxReceiveCount: 3,
};

function harness(params: EventSourceParams, work: (bodies: string[]) => Promise<'ok' | 'fail' | 'crash'>) {
  const clock = createVirtualClock(0);
  const batches: { at: number; bodies: string[] }[] = [];
  let running = 0;
  let peak = 0;
  const queue = createEventSource(clock, 'q', params, async (records) => {
    running++;
    peak = Math.max(peak, running);
    const bodies = records.map((r) => r.body);
    batches.push({ at: clock.now(), bodies });
    try {
      const outcome = await work(bodies);
      if (outcome === 'crash') throw new Error('crash');
      return { batchItemFailures: outcome === 'fail' ? records.map((r) => ({ itemIdentifier: r.messageId })) : [] };
    } finally {
      running--;
    }
  });
  return { clock, queue, batches, peak: () => peak };
}

describe('SQS event source model', () => {
  it('closes a batch at the batch size, and a short one at the batching window', async () => {
    const { clock, queue, batches } = harness(PARAMS, async () => 'ok');
    for (let i = 0; i < 13; i++) queue.send(`m${i}`);
    await clock.run();
    expect(batches.map((b) => b.bodies.length).sort()).toEqual([10, 3].sort());
    expect(batches.find((b) => b.bodies.length === 3)?.at).toBe(5000);
    expect(queue.messages).toHaveLength(0);
  });

  it('runs at most maxConcurrency invocations at once; the other batches wait', async () => {
    const { clock, queue, batches, peak } = harness({ ...PARAMS, batchSize: 1, maxBatchingWindowSeconds: 0 }, async () => {
      await clock.sleep(1000);
      return 'ok';
    });
    for (let i = 0; i < 6; i++) queue.send(`m${i}`);
    await clock.run();
    expect(batches).toHaveLength(6);
    expect(peak()).toBe(2);
    expect(batches.map((b) => b.at)).toEqual([0, 0, 1000, 1000, 2000, 2000]);
  });

  it('delivers a failed or crashed record again after the visibility timeout, and dead-letters it after maxReceiveCount receives', async () => {
    let calls = 0;
    const { clock, queue, batches } = harness({ ...PARAMS, maxBatchingWindowSeconds: 0 }, async () => (++calls === 1 ? 'crash' : 'fail'));
    queue.send('poison');
    await clock.run();
    expect(batches.map((b) => b.at)).toEqual([0, 60_000, 120_000]);
    expect(queue.deadLetters.map((m) => m.body)).toEqual(['poison']);
  });

  it('holds a delayed message until its delay has passed', async () => {
    const { clock, queue, batches } = harness({ ...PARAMS, maxBatchingWindowSeconds: 0 }, async () => 'ok');
    queue.send('later', 30);
    await clock.run();
    expect(batches).toEqual([{ at: 30_000, bodies: ['later'] }]);
  });
});
