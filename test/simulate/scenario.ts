/**
 * The scenarios as simulator inputs: the seed event made into distinct findings (accounts x
 * severities) or copies, arriving at seeded random times; and the deployment they run under (a
 * configuration with only `ses.from`/`ses.to`, or SNS), synthesized once per transport.
 */

import type { Severity } from '../../functions/core/finding/model.js';
import { renderer } from '../../functions/core/render/prebuilt.js';
import { seededRandom } from '../../functions/simulate/random.js';
import { type SimInput, type SimulationResult, simulate } from '../../functions/simulate/simulation.js';
import { type SynthesizedPlumbing, synthesizePlumbing } from '../../functions/simulate/synth-event-source.js';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { seedEvent } from '../support/seed-events.js';

export const ACCOUNTS = ['111122223333', '444455556666'] as const;
export const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM'];

/** The deployment of the "Done means" list: only `ses.from` and `ses.to` (or an SNS topic), everything else default. */
export function minimalDeploy(transport: 'ses' | 'sns') {
  const notifier = transport === 'ses' ? { transport, ses: { from: 'alerts@example.com', to: ['soc@example.com'] } } : { transport };
  return parseDeployConfig({ notifiers: [{ id: 'Mail', notifier }] });
}

const plumbing = new Map<string, SynthesizedPlumbing>();

/** Runs the scenario through the simulator under the minimal deployment. */
export async function run(transport: 'ses' | 'sns', inputs: readonly SimInput[], seed = 1, crashRate = 0): Promise<SimulationResult> {
  const deploy = minimalDeploy(transport);
  const synthesized = plumbing.get(transport) ?? synthesizePlumbing(deploy);
  plumbing.set(transport, synthesized);
  const notifier = deploy.notifiers[0]?.notifier;
  if (!notifier) throw new Error('no notifier');
  return simulate({ notifier, plumbing: synthesized, renderer, inputs, seed, crashRate });
}

/** `count` distinct findings over the accounts and severities (tags `f0000`...), arriving at random within `overSeconds`. */
export function flood(count: number, overSeconds: number, seed = 7): { inputs: SimInput[]; tags: string[] } {
  const random = seededRandom(seed);
  const tags: string[] = [];
  const inputs = Array.from({ length: count }, (_, i) => {
    const tag = `f${String(i).padStart(4, '0')}`;
    tags.push(tag);
    const event = seedEvent({ tag, severity: SEVERITIES[i % 3] ?? 'MEDIUM', account: ACCOUNTS[Math.floor(i / 3) % 2] ?? ACCOUNTS[0] });
    return { body: JSON.stringify(event), arrivalMs: Math.round(random() * overSeconds * 1000) };
  });
  return { inputs, tags };
}

/** `count` copies of one finding (one UpdatedAt, each its own event id) within `overSeconds`. */
export function copies(count: number, overSeconds: number, seed = 7): SimInput[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    body: JSON.stringify(seedEvent({ tag: 'copy', eventId: `event-copy-${i}`, updatedAt: '2026-11-30T10:00:00.000Z' })),
    arrivalMs: Math.round(random() * overSeconds * 1000),
  }));
}

/** One finding of `severity` arriving at 0. */
export function lone(severity: Severity): SimInput[] {
  return [{ body: JSON.stringify(seedEvent({ tag: 'lone', severity })), arrivalMs: 0 }];
}
