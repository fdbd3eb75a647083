/**
 * The simulation runs the plumbing the construct deploys: its event source parameters are the
 * synthesized AWS::Lambda::EventSourceMapping's (and its queues'), for the same configuration.
 */
import { describe, expect, it } from 'vitest';
import { synthesizePlumbing } from '../../functions/simulate/synth-event-source.js';
import { synthNotifier } from '../infra/support/synth.js';
import { minimalDeploy } from './scenario.js';

describe('the simulated event sources', () => {
  it.each(['ses', 'sns'] as const)(
    'are the ones the construct synthesizes for a %s configuration',
    (transport) => {
      const deploy = minimalDeploy(transport);
      const { template } = synthNotifier(deploy);
      const plumbing = synthesizePlumbing(deploy);
      const queues = template.findResources('AWS::SQS::Queue');
      const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).map((m) => {
        const queue = queues[m.Properties.EventSourceArn['Fn::GetAtt'][0]]?.Properties;
        return {
          batchSize: m.Properties.BatchSize,
          maxBatchingWindowSeconds: m.Properties.MaximumBatchingWindowInSeconds ?? 0,
          maxConcurrency: m.Properties.ScalingConfig.MaximumConcurrency,
          visibilityTimeoutSeconds: queue?.VisibilityTimeout,
          maxReceiveCount: queue?.RedrivePolicy.maxReceiveCount,
        };
      });
      expect(mappings).toHaveLength(2);
      expect(mappings).toContainEqual(plumbing.buffer);
      expect(mappings).toContainEqual(plumbing.flush);
      expect(plumbing.buffer).toEqual({
        batchSize: 10,
        maxBatchingWindowSeconds: 5,
        maxConcurrency: 2,
        visibilityTimeoutSeconds: 365,
        maxReceiveCount: 5,
      });
      expect(plumbing.flush.maxBatchingWindowSeconds).toBe(0);
    },
    60_000,
  );
});
