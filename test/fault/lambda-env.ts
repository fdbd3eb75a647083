/**
 * Loads a fresh copy of `functions/handler.ts` with the environment the CDK construct would give
 * it (NOTIFIER_CONFIG, Region, credentials) and the SDK endpoints pointed at fault proxies, and
 * captures everything its logger writes.
 */
import { vi } from 'vitest';
import type { Handler } from './batch.js';

/** Credentials that must never appear in a log line. */
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEYLEAK';
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjENT//////////wEaCXVzLWVhc3QtMSJHMEUCIQDSESSIONTOKENLEAK';
export const ACCESS_KEY_ID = 'ASIAFAULTSUITE0EXAMPLE';

export interface LoadedHandler {
  readonly handler: Handler;
  /** Every line the function wrote to stdout or stderr since it was loaded. */
  readonly logs: string[];
  /** Puts the environment and the streams back. */
  restore(): void;
}

/**
 * @example
 * const lambda = await loadHandler({ transport: 'ses', ses: {...} }, { AWS_ENDPOINT_URL_SESV2: proxy.endpoint });
 */
export async function loadHandler(config: object, endpoints: Record<string, string>): Promise<LoadedHandler> {
  const env: Record<string, string> = {
    NOTIFIER_CONFIG: JSON.stringify(config),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    AWS_LAMBDA_FUNCTION_NAME: 'securityhub-email-notifier',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    ...endpoints,
  };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);

  const logs: string[] = [];
  const capture = (chunk: unknown) => {
    logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);

  vi.resetModules();
  const { handler } = (await import('../../functions/handler.js')) as { handler: Handler };
  return {
    handler,
    logs,
    restore() {
      stdout.mockRestore();
      stderr.mockRestore();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
