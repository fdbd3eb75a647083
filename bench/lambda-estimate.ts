/**
 * What the measured numbers mean for a Lambda function: memory size and compute per 10,000
 * findings. CPU-bound work only: the time spent waiting on SES or SNS is not measured here.
 */
import { DEPLOY_DEFAULTS } from '../infra/lib/defaults.js';

/** Lambda gives a function one full vCPU at 1,769 MB and CPU in proportion below that. */
export const FULL_VCPU_MB = 1_769;
/** arm64 price per GB-second (us-east-1, first tier, AWS price list as of 2025). */
export const ARM64_USD_PER_GB_S = 0.000_013_333_4;

/** The function's memory as the construct deploys it by default (`memorySize`). */
export const DEPLOYED_MEMORY_MB = DEPLOY_DEFAULTS.function.memorySize;

export interface LambdaEstimate {
  /** The memory size the estimate is for: the deployed default. */
  readonly memory_mb: number;
  /** Whether the burst's working set (peak RSS without the bodies the benchmark holds) fits in it. */
  readonly working_set_fits: boolean;
  /** CPU seconds for 10,000 findings at the measured rate, on one core like this machine's. */
  readonly cpu_s_per_10k: number;
  /** GB-seconds billed for that CPU work at that memory (CPU is scaled down below 1,769 MB). */
  readonly gb_s_per_10k: number;
  readonly usd_per_10k: number;
}

/** `workingRssMb`: the burst's peak RSS without the bodies the benchmark holds (a Lambda holds one batch). */
export function estimateLambda(pipelinePerS: number, workingRssMb: number): LambdaEstimate {
  const memory = DEPLOYED_MEMORY_MB;
  const cpuSeconds = 10_000 / pipelinePerS;
  // Below one vCPU, wall time grows as memory shrinks, so GB-s of CPU-bound work stays at cpu_s x 1.769 GB.
  const wallSeconds = cpuSeconds * Math.max(1, FULL_VCPU_MB / memory);
  const gbSeconds = wallSeconds * (memory / 1024);
  return {
    memory_mb: memory,
    working_set_fits: workingRssMb < memory,
    cpu_s_per_10k: cpuSeconds,
    gb_s_per_10k: gbSeconds,
    usd_per_10k: gbSeconds * ARM64_USD_PER_GB_S,
  };
}
