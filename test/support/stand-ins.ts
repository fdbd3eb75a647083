/**
 * Local AWS stand-ins on loopback (port 0), for any suite: SES v2 (aws-ses-v2-local), SNS
 * (serverless-offline-sns's SNSServer on an express app) and an HTTP endpoint that collects
 * what SNS delivers. Each `start*` returns its endpoint and a `stop()`.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Dummy credentials: the stand-ins do not check signatures. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDLOCALSTANDIN', secretAccessKey: 'local-stand-in-secret' } as const;
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '123456789012';

export interface StandIn {
  /** e.g. `http://127.0.0.1:41234` */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** One email as aws-ses-v2-local stores it (`GET /store`). */
export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly replyTo: string[];
  readonly destination: { readonly to: string[]; readonly cc: string[]; readonly bcc: string[] };
  readonly subject: string;
  readonly body: { readonly html?: string; readonly text?: string };
  readonly headers?: { readonly name: string; readonly value: string }[];
}

export interface SesStandIn extends StandIn {
  /** The emails received so far (`GET /store`). */
  emails(): Promise<StoredEmail[]>;
  clear(): Promise<void>;
}

type SesServer = (config: { host: string; port: number }) => Promise<Server>;

/** Starts aws-ses-v2-local in-process. Its default export differs between Node ESM and vitest: both forms are accepted. */
export async function startSes(): Promise<SesStandIn> {
  const module = (await import('aws-ses-v2-local')) as unknown as { default: SesServer | { default: SesServer } };
  const start = typeof module.default === 'function' ? module.default : module.default.default;
  const server = await start({ host: '127.0.0.1', port: 0 });
  const endpoint = endpointOf(server);
  return {
    endpoint,
    async emails() {
      const response = await fetch(`${endpoint}/store`);
      return ((await response.json()) as { emails: StoredEmail[] }).emails;
    },
    async clear() {
      await fetch(`${endpoint}/clear-store`, { method: 'POST' });
    },
    stop: () => close(server),
  };
}

interface ExpressApp {
  listen(port: number, host: string, callback: () => void): Server;
}

/**
 * Starts serverless-offline-sns's SNSServer alone on an express app. Its package exports only
 * `dist/index.js` (which pulls in `serverless`), so `dist/sns-server.js` is loaded by file URL.
 */
export async function startSns(): Promise<StandIn> {
  const dist = dirname(require.resolve('serverless-offline-sns'));
  const { SNSServer } = await import(pathToFileURL(join(dist, 'sns-server.js')).href);
  const express = (await import(pathToFileURL(require.resolve('express')).href)).default as () => ExpressApp;
  const app = express();
  new SNSServer(() => undefined, app, LOCAL_REGION, LOCAL_ACCOUNT);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { endpoint: endpointOf(server), stop: () => close(server) };
}

/**
 * Creates topic `name` on the SNS stand-in and subscribes `subscriber` to it over http; returns the
 * topic ARN. Talks to the stand-in directly (not through a fault proxy) and closes its client.
 */
export async function createSubscribedTopic(sns: StandIn, name: string, subscriber: StandIn): Promise<string> {
  const { CreateTopicCommand, SNSClient, SubscribeCommand } = await import('@aws-sdk/client-sns');
  const client = new SNSClient({ endpoint: sns.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  try {
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name: name }));
    if (!TopicArn) throw new Error(`the SNS stand-in created topic ${name} without an ARN`);
    await client.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: subscriber.endpoint }));
    return TopicArn;
  } finally {
    client.destroy();
  }
}

export interface Delivery {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface HttpSubscriber extends StandIn {
  readonly received: Delivery[];
  /** Resolves with the `count`-th delivery (1-based) once it has arrived. */
  waitFor(count: number): Promise<Delivery>;
}

/** An HTTP endpoint that records every POST it gets (an SNS `http` subscriber). */
export async function startHttpSubscriber(): Promise<HttpSubscriber> {
  const received: Delivery[] = [];
  const waiting: { count: number; resolve: (d: Delivery) => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200).end();
      for (const w of waiting.filter((w) => w.count <= received.length)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(received[w.count - 1] as Delivery);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: endpointOf(server),
    received,
    waitFor(count) {
      const ready = received[count - 1];
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
    stop: () => close(server),
  };
}

function endpointOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address}:${port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
