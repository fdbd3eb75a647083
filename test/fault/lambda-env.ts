/**
 * Loads a fresh copy of `functions/handler.ts` with the environment the CDK construct would give
 * it (NOTIFIER_CONFIG, Region, credentials) and the SDK endpoints pointed at fault proxies, and
 * captures everything its logger writes.
 */
import { vi } from 'vitest';
import { captureOutput, importHandler, stubLocalAws } from '../support/lambda.js';
import type { Handler } from './batch.js';

/** Credentials that must never appear in a log line. */
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEYLEAK';
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjENT//////////wEaCXVzLWVhc3QtMSJHMEUCIQDSESSIONTOKENLEAK';
export const ACCESS_KEY_ID = 'ASIAFAULTSUITE0EXAMPLE';

export interface LoadedHandler {
  readonly handler: Handler;
  /** Every chunk the function wrote to stdout or stderr since it was loaded. */
  readonly logs: string[];
  /** Puts the environment and the streams back. */
  restore(): void;
}

/**
 * @example
 * const lambda = await loadHandler({ transport: 'ses', ses: {...} }, { AWS_ENDPOINT_URL_SESV2: proxy.endpoint });
 */
export async function loadHandler(config: object, endpoints: Record<string, string>): Promise<LoadedHandler> {
  stubLocalAws({
    NOTIFIER_CONFIG: JSON.stringify(config),
    AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    AWS_LAMBDA_FUNCTION_NAME: 'securityhub-email-notifier',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    ...endpoints,
  });
  const output = captureOutput();
  const restore = () => {
    output.restore();
    vi.unstubAllEnvs();
  };
  try {
    return { handler: await importHandler(), logs: output.chunks, restore };
  } catch (error) {
    // A cold start that throws must not leave the streams silenced and the environment stubbed.
    restore();
    throw error;
  }
}
