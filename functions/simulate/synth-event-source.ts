/**
 * The event source parameters of a deployment, read off what the CDK construct synthesizes for it:
 * each `AWS::Lambda::EventSourceMapping` (batch size, batching window, maximum concurrency), its
 * queue (visibility timeout, `maxReceiveCount`) and the function's timeout. So the simulation runs
 * the plumbing the configuration deploys, not a restatement of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { DeployConfig } from '../../infra/lib/deploy-config.js';
import { NotifierStack } from '../../infra/lib/notifier-stack.js';
import type { EventSourceParams } from './event-source.js';

export interface SynthesizedPlumbing {
  /** The buffer's mapping (the queue the EventBridge rules feed). */
  readonly buffer: EventSourceParams;
  /** The flush queue's mapping. */
  readonly flush: EventSourceParams;
  readonly timeoutSeconds: number;
}

type Resource = { Type: string; Properties: Record<string, unknown> };

/**
 * Synthesizes the first notifier of `deploy` (no asset bundling) and reads its two mappings.
 *
 * @example
 * const { buffer } = synthesizePlumbing(loadDeployConfig()); // { batchSize: 10, maxBatchingWindowSeconds: 5, maxConcurrency: 2, ... }
 */
export function synthesizePlumbing(deploy: DeployConfig): SynthesizedPlumbing {
  const outdir = mkdtempSync(join(tmpdir(), 'notifier-simulate-'));
  try {
    const first = deploy.notifiers.slice(0, 1);
    const { stackSet: _ignored, ...home } = deploy;
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new NotifierStack(app, 'Simulated', { deploy: { ...home, notifiers: first } });
    const template = app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, Resource> };
    const resources = Object.entries(template.Resources);
    const [fn] = resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime === 'nodejs24.x');
    const timeoutSeconds = Number(fn?.[1].Properties.Timeout);
    const mappings = resources
      .filter(([, r]) => r.Type === 'AWS::Lambda::EventSourceMapping')
      .map(([, r]) => paramsOf(r, template.Resources));
    // The buffer is the queue the EventBridge rules put events on; the other mapping reads the flush queue.
    const targets = JSON.stringify(resources.filter(([, r]) => r.Type === 'AWS::Events::Rule').map(([, r]) => r.Properties.Targets));
    const buffer = mappings.find((m) => targets.includes(JSON.stringify({ 'Fn::GetAtt': [m.queue, 'Arn'] })));
    const flush = mappings.find((m) => m !== buffer);
    if (!buffer || !flush) throw new Error('the synthesized stack has no buffer and flush event source mappings');
    return { buffer: buffer.params, flush: flush.params, timeoutSeconds };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function paramsOf(mapping: Resource, resources: Record<string, Resource>) {
  const p = mapping.Properties;
  const queueId = (p.EventSourceArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const queue = resources[queueId]?.Properties ?? {};
  const redrive = queue.RedrivePolicy as { maxReceiveCount: number };
  const window = p.MaximumBatchingWindowInSeconds as number | undefined;
  return {
    queue: queueId,
    params: {
      batchSize: Number(p.BatchSize),
      maxBatchingWindowSeconds: window ?? 0,
      maxConcurrency: Number((p.ScalingConfig as { MaximumConcurrency: number }).MaximumConcurrency),
      visibilityTimeoutSeconds: Number(queue.VisibilityTimeout),
      maxReceiveCount: redrive.maxReceiveCount,
    },
  };
}
