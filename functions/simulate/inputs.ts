/**
 * The simulation's inputs: files or folders as replay reads them. EventBridge events arrive at their
 * `time`, relative to the earliest; exports and bare findings are wrapped as replay wraps them (one
 * event per finding, at the finding's update time). `--over S` spreads them at random over S seconds.
 */
import { readFile } from 'node:fs/promises';
import { decodeInput } from '../core/input/decode.js';
import { eventBridgeJson } from '../core/input/synthetic-event.js';
import { collectInputs } from '../replay/collect-inputs.js';
import { seededRandom } from './random.js';
import type { SimInput } from './simulation.js';

export interface CollectedInputs {
  readonly inputs: SimInput[];
  /** `file: reason` for each input that could not be read (it is sent as it is: the handler dead-letters it). */
  readonly problems: string[];
}

/**
 * @example const { inputs } = await collectSimInputs(['fixtures/real'], { seed: 1 });
 */
export async function collectSimInputs(
  paths: readonly string[],
  options: { seed: number; overSeconds?: number },
): Promise<CollectedInputs> {
  const { files, missing } = await collectInputs(paths);
  const problems = missing.map((path) => `${path}: no such file or folder`);
  const timed: { body: string; time: number }[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    try {
      for (const event of decodeInput(JSON.parse(text), file))
        timed.push({ body: JSON.stringify(eventBridgeJson(event)), time: Date.parse(event.time) });
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      timed.push({ body: text, time: Number.NaN });
    }
  }
  const random = seededRandom(options.seed);
  const known = timed.map((t) => t.time).filter(Number.isFinite);
  const first = known.length > 0 ? Math.min(...known) : 0;
  const inputs = timed.map(({ body, time }) => ({
    body,
    arrivalMs:
      options.overSeconds !== undefined ? Math.round(random() * options.overSeconds * 1000) : Number.isFinite(time) ? time - first : 0,
  }));
  return { inputs: inputs.sort((a, b) => a.arrivalMs - b.arrivalMs), problems };
}
