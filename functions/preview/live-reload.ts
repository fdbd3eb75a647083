/**
 * Live reload over Server-Sent Events: each open page keeps `GET /events` open and reloads when
 * the version it gets differs from the one it was rendered with (also after a reconnect).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LiveReload {
  /** Handles `GET /events`. */
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** Tells every open page about a new version. */
  publish(version: number): void;
  /** Ends every open stream (so the server can close). */
  close(): void;
}

const KEEP_ALIVE_MS = 15_000;

/**
 * @example
 * const reload = createLiveReload(() => version);
 * reload.publish(++version);
 */
export function createLiveReload(currentVersion: () => number): LiveReload {
  const clients = new Set<ServerResponse>();
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  const send = (client: ServerResponse, version: number) => client.write(`event: version\ndata: ${version}\n\n`);

  return {
    handle(request, response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write('retry: 1000\n\n');
      send(response, currentVersion());
      clients.add(response);
      request.on('close', () => clients.delete(response));
      response.on('error', () => clients.delete(response));
    },
    publish(version) {
      for (const client of clients) send(client, version);
    },
    close() {
      clearInterval(keepAlive);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
