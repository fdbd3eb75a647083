/** The environment a handler test gives the function: local endpoints, a Region, dummy credentials. */
import { vi } from 'vitest';

/** Stubs the variables the SDK reads; undo with `vi.unstubAllEnvs()`. */
export function stubLocalAws(endpoints: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(endpoints)) vi.stubEnv(name, value);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOCALSTANDIN');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local-stand-in-secret');
}
