/**
 * A tiny loopback stand-in for AWS services that have no local one (Organizations, Security Hub,
 * CloudWatch Logs): it speaks their JSON protocols well enough for the real SDK clients. awsJson
 * services name the operation in `X-Amz-Target` (`AWSOrganizationsV20161128.ListDelegatedAdministrators`
 * -> `ListDelegatedAdministrators`); restJson services by method and path (`POST /findings/import`).
 * Each call is recorded, so a test asserts what was asked, not only what came back.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StandIn } from './stand-ins.js';

/** One request as the stand-in saw it. */
export interface JsonCall {
  /** The operation (awsJson) or `METHOD /path` (restJson). */
  readonly operation: string;
  readonly body: Record<string, unknown>;
}

/** What an operation answers: a JSON body, or an AWS error (`__type` and message, status 400 unless given). */
export type JsonAnswer = Record<string, unknown> | { readonly error: string; readonly message: string; readonly status?: number };

export interface JsonStandIn extends StandIn {
  /** Every call so far, oldest first (a test may empty it). */
  readonly calls: JsonCall[];
}

/**
 * Starts the stand-in on a free loopback port. An operation without a handler answers 400 `UnknownOperationException`.
 *
 * @example
 * const org = await startJsonStandIn({ ListAWSServiceAccessForOrganization: () => ({ EnabledServicePrincipals: [] }) });
 */
export async function startJsonStandIn(
  handlers: Readonly<Record<string, (body: Record<string, unknown>) => JsonAnswer>>,
): Promise<JsonStandIn> {
  const calls: JsonCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      const operation = typeof target === 'string' ? (target.split('.').pop() ?? target) : `${req.method} ${req.url?.split('?')[0]}`;
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      calls.push({ operation, body });
      const handler = handlers[operation];
      const answer: JsonAnswer = handler ? handler(body) : { error: 'UnknownOperationException', message: `no handler for ${operation}` };
      const failed = 'error' in answer && typeof answer.error === 'string';
      const status = failed ? Number((answer as { status?: number }).status ?? 400) : 200;
      const payload = failed ? { __type: answer.error, message: answer.message } : answer;
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        ...(failed ? { 'x-amzn-errortype': String(answer.error) } : {}),
      });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
