/**
 * A fault-injecting HTTP proxy on loopback (port 0) in front of a local stand-in. Each request
 * gets one scripted fault: pass it on, answer 429 with the AWS throttling error in the service's
 * protocol shape, answer 500/503, reset the connection, or wait before passing it on. The proxy
 * counts what reached the stand-in, so tests can tell "delivered once" from "delivered twice".
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Wire protocol of the service behind the proxy: SES v2 is REST-JSON, SNS is AWS Query (XML errors). */
export type AwsProtocol = 'rest-json' | 'query';

export type Fault =
  /** Forward to the stand-in unchanged. */
  | { readonly kind: 'pass' }
  /** 429 with `TooManyRequestsException` (REST-JSON) or `<Code>Throttling</Code>` (Query). */
  | { readonly kind: 'throttle' }
  /** A server error in the protocol's shape: `InternalFailure` (500) or `ServiceUnavailable` (503). */
  | { readonly kind: 'status'; readonly status: 500 | 503 }
  /** A permanent 400 rejection: `MessageRejected` (REST-JSON) or `InvalidParameter` (Query). Never retried. */
  | { readonly kind: 'reject'; readonly message?: string }
  /** Destroy the socket without an answer (the client sees ECONNRESET / socket hang up). */
  | { readonly kind: 'reset' }
  /** Wait `ms`, then forward, unless the client gave up meanwhile (then nothing reaches the stand-in). */
  | { readonly kind: 'delay'; readonly ms: number };

export const PASS: Fault = { kind: 'pass' };
export const THROTTLE: Fault = { kind: 'throttle' };
export const ERROR_500: Fault = { kind: 'status', status: 500 };
export const ERROR_503: Fault = { kind: 'status', status: 503 };
export const RESET: Fault = { kind: 'reset' };
export const REJECT: Fault = { kind: 'reject' };
export const reject = (message: string): Fault => ({ kind: 'reject', message });
export const delay = (ms: number): Fault => ({ kind: 'delay', ms });

/** Chooses the fault for the `index`-th request (0-based, counted since the last `script`). */
export type FaultScript = (index: number, request: ProxiedRequest) => Fault;

/** These faults in order, then `then` (default: pass) for every later request. */
export function sequence(faults: readonly Fault[], then: Fault = PASS): FaultScript {
  return (index) => faults[index] ?? then;
}

/** The same fault for every request. */
export function always(fault: Fault): FaultScript {
  return () => fault;
}

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly fault: Fault;
  /** True when the request was forwarded and the stand-in answered. */
  forwarded: boolean;
  /** The status the client got (the stand-in's, or the injected one); undefined after a reset or an abandoned delay. */
  status?: number;
}

export interface FaultProxy {
  /** e.g. `http://127.0.0.1:41234`: give it to the SDK client as `endpoint`. */
  readonly endpoint: string;
  /** Every request the proxy got since the last `script`, in order of arrival. */
  readonly requests: ProxiedRequest[];
  /** Replaces the fault script and forgets the requests seen so far. */
  script(script: FaultScript): void;
  /** Requests that reached the stand-in and got an answer from it. */
  forwarded(): ProxiedRequest[];
  stop(): Promise<void>;
}

/**
 * Starts a proxy in front of `target` (e.g. the endpoint of `startSes()`).
 *
 * @example
 * const proxy = await startFaultProxy({ target: ses.endpoint, protocol: 'rest-json' });
 * proxy.script(sequence([THROTTLE, ERROR_503]));
 */
export async function startFaultProxy(options: { target: string; protocol: AwsProtocol }): Promise<FaultProxy> {
  const target = new URL(options.target);
  let script: FaultScript = always(PASS);
  let requests: ProxiedRequest[] = [];
  /** Delayed requests still waiting: a new script (a new scenario) drops them, so none leaks into the next one. */
  const waiting = new Set<{ timer: NodeJS.Timeout; done: () => void }>();

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const seen = { method: request.method ?? 'GET', path: request.url ?? '/', body: body.toString('utf8') };
      const fault = script(requests.length, { ...seen, fault: PASS, forwarded: false });
      const entry: ProxiedRequest = { ...seen, fault, forwarded: false };
      requests.push(entry);
      void apply(fault, entry, request, response, body);
    });
  });

  async function apply(fault: Fault, entry: ProxiedRequest, request: IncomingMessage, response: ServerResponse, body: Buffer) {
    switch (fault.kind) {
      case 'reset':
        request.socket.destroy();
        return;
      case 'throttle':
        return answer(response, entry, 429, throttlingError(options.protocol));
      case 'status':
        return answer(response, entry, fault.status, serverError(options.protocol, fault.status));
      case 'reject':
        return answer(response, entry, 400, rejection(options.protocol, fault.message));
      case 'delay': {
        const dropped = await new Promise<boolean>((resolve) => {
          const pending = { timer: setTimeout(() => finish(false), fault.ms), done: () => finish(true) };
          const finish = (drop: boolean) => {
            clearTimeout(pending.timer);
            waiting.delete(pending);
            resolve(drop);
          };
          waiting.add(pending);
        });
        if (dropped) {
          request.socket.destroy();
          return;
        }
        if (response.destroyed || request.socket.destroyed) return;
        return forward(entry, request, response, body);
      }
      case 'pass':
        return forward(entry, request, response, body);
    }
  }

  function forward(entry: ProxiedRequest, request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    return new Promise((resolve) => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: target.host },
        },
        (reply) => {
          entry.forwarded = true;
          entry.status = reply.statusCode ?? 0;
          response.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(response);
          reply.on('end', resolve);
        },
      );
      upstream.on('error', () => {
        request.socket.destroy();
        resolve();
      });
      upstream.end(body);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${address}:${port}`,
    get requests() {
      return requests;
    },
    script(next) {
      for (const pending of [...waiting]) pending.done();
      script = next;
      requests = [];
    },
    forwarded: () => requests.filter((r) => r.forwarded),
    stop() {
      for (const pending of [...waiting]) pending.done();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

interface ErrorReply {
  readonly headers: Record<string, string>;
  readonly body: string;
}

function answer(response: ServerResponse, entry: ProxiedRequest, status: number, reply: ErrorReply): void {
  entry.status = status;
  response.writeHead(status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  response.end(reply.body);
}

/** The throttling error each protocol's deserializer recognises (SES v2: REST-JSON; SNS: AWS Query). */
export function throttlingError(protocol: AwsProtocol): ErrorReply {
  return protocol === 'rest-json'
    ? restJsonError('TooManyRequestsException', 'Too many requests.')
    : queryError('Sender', 'Throttling', 'Rate exceeded');
}

function serverError(protocol: AwsProtocol, status: 500 | 503): ErrorReply {
  const code = status === 500 ? 'InternalFailure' : 'ServiceUnavailable';
  const message = status === 500 ? 'An internal error occurred.' : 'Service is unavailable. Try again later.';
  return protocol === 'rest-json' ? restJsonError(code, message) : queryError('Receiver', code, message);
}

function rejection(protocol: AwsProtocol, message?: string): ErrorReply {
  return protocol === 'rest-json'
    ? restJsonError('MessageRejected', message ?? 'Email address is not verified.')
    : queryError('Sender', 'InvalidParameter', xmlText(message ?? 'Invalid parameter: Message'));
}

function restJsonError(type: string, message: string): ErrorReply {
  return {
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': type, 'x-amzn-requestid': requestId() },
    body: JSON.stringify({ message }),
  };
}

function queryError(type: 'Sender' | 'Receiver', code: string, message: string): ErrorReply {
  const id = requestId();
  return {
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id },
    body:
      '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">' +
      `<Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
      `<RequestId>${id}</RequestId></ErrorResponse>`,
  };
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

let counter = 0;
function requestId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}
