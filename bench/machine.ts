/** Describes the machine a result was measured on, for the README table. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
}

export function describeMachine(): Machine {
  return {
    date: new Date().toISOString(),
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    // Not Linux: fall through.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}
