/**
 * The Lambda handler (functions/handler.ts) in a test: loaded afresh after the environment it reads
 * at cold start is stubbed, with what it writes to stdout and stderr captured instead of printed.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { jsonLines } from './sqs.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION } from './stand-ins.js';

export type Handler = typeof import('../../functions/handler.js').handler;

/** Stubs a Region, dummy credentials and then `vars` (which win); undo with `vi.unstubAllEnvs()`. */
export function stubLocalAws(vars: Readonly<Record<string, string>>): void {
  vi.stubEnv('AWS_REGION', LOCAL_REGION);
  vi.stubEnv('AWS_ACCESS_KEY_ID', DUMMY_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', DUMMY_CREDENTIALS.secretAccessKey);
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
}

/** A fresh copy of the handler module: it reads NOTIFIER_CONFIG and builds its clients at module scope. */
export async function importHandler(): Promise<Handler> {
  vi.resetModules();
  return (await import('../../functions/handler.js')).handler;
}

export interface CapturedOutput {
  /** Every chunk written to stdout or stderr, in order. */
  readonly chunks: string[];
  /** The JSON objects among them: Powertools log lines and EMF metrics. */
  lines(): Record<string, unknown>[];
  /** Puts the streams back. */
  restore(): void;
}

/** Captures (and silences) stdout and stderr until `restore()`. */
export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const capture = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  return {
    chunks,
    lines: () => jsonLines(chunks),
    restore() {
      stdout.mockRestore();
      stderr.mockRestore();
    },
  };
}

/**
 * For each test of the enclosing `describe`: the local environment from `vars()` stubbed and the
 * output captured, both undone after the test. Load the handler in the test with `importHandler()`.
 *
 * @example
 * const output = useLocalLambda(() => ({ AWS_ENDPOINT_URL_SESV2: ses.endpoint }));
 * it('...', async () => { vi.stubEnv('NOTIFIER_CONFIG', '...'); const handler = await importHandler(); ... output.lines() ... });
 */
export function useLocalLambda(vars: () => Readonly<Record<string, string>>): Pick<CapturedOutput, 'lines'> {
  let output: CapturedOutput | undefined;
  beforeEach(() => {
    stubLocalAws(vars());
    output = captureOutput();
  });
  afterEach(() => {
    output?.restore();
    output = undefined;
    vi.unstubAllEnvs();
  });
  return {
    lines() {
      if (!output) throw new Error('useLocalLambda: output is captured only while a test runs');
      return output.lines();
    },
  };
}
