/**
 * The preview server: a gallery of every fixture rendered through the same pipeline as the Lambda,
 * rebuilt when a template changes and pushed to open pages by live reload. Listens on 127.0.0.1
 * only; nothing a fixture or a template does can crash it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { NotifierConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { createPipeline } from '../core/pipeline/pipeline.js';
import { CLIENT_SCRIPT } from './assets.js';
import { emailViews } from './email-views.js';
import { buildGallery, type Gallery, type GalleryItem, messageOf } from './gallery.js';
import { createLiveReload } from './live-reload.js';
import { buildErrorPage, emailPage, indexPage, messagePage, type PageContext } from './pages.js';
import { createTemplateBuilder } from './template-builder.js';
import { type TreeWatch, watchTree } from './watch-tree.js';

export const HOST = '127.0.0.1';

export interface PreviewOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly templatesDir: string;
  readonly fixtures: readonly string[];
  readonly config: NotifierConfig;
  /** Terminal lines: rebuilds and template errors (`file:line: message`). */
  readonly log?: (line: string) => void;
  readonly debounceMs?: number;
}

export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** Bumped on every rebuild (good or bad) and fixture change. */
  readonly version: number;
  close(): Promise<void>;
}

/** Pages forbid inline script and every external origin; the email's iframe is `sandbox=""` on top. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

/**
 * Builds the templates, starts listening and watches the templates and fixtures.
 *
 * @example
 * const preview = await startPreview({ port: 4300, templatesDir: 'templates', fixtures: ['fixtures'], config: parseConfig({}) });
 * console.log(`Preview: ${preview.url}`);
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const builder = createTemplateBuilder(options.templatesDir, log);
  await builder.rebuild();
  let version = 1;
  let cached: { version: number; gallery: Promise<Gallery> } | undefined;
  const reload = createLiveReload(() => version);
  const context = (): PageContext => ({
    version,
    locale: options.config.locale,
    timeZone: options.config.timeZone,
    templatesDir: options.templatesDir,
  });

  function bump() {
    version += 1;
    reload.publish(version);
  }

  const watches: TreeWatch[] = [
    watchTree(
      options.templatesDir,
      async () => {
        const started = Date.now();
        const state = await builder.rebuild();
        if (state.ok) log(`templates rebuilt in ${Date.now() - started} ms`);
        bump();
      },
      { ...debounce(options), onError: (error) => log(`cannot watch ${options.templatesDir}: ${error.message}`) },
    ),
    ...options.fixtures.map((path) =>
      watchTree(path, bump, { ...debounce(options), onError: (error) => log(`cannot watch ${path}: ${error.message}`) }),
    ),
  ];

  function gallery(): Promise<Gallery> {
    const state = builder.state;
    if (!state.ok) throw state.error;
    if (cached?.version !== version) {
      cached = { version, gallery: buildGallery(createPipeline(options.config, state.renderer), options.fixtures) };
    }
    return cached.gallery;
  }

  async function route(url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (url.pathname === '/events') return reload.handle(request, response);
    if (url.pathname === '/preview.js') return send(response, 200, 'text/javascript', CLIENT_SCRIPT);
    if (url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
    const state = builder.state;
    if (!state.ok) return send(response, 500, 'text/html', buildErrorPage(context(), state.message));
    const current = await gallery();
    if (url.pathname === '/') return send(response, 200, 'text/html', indexPage(context(), current));
    const { items } = current;
    const id = url.searchParams.get('id') ?? '';
    const item = items.find((candidate) => candidate.id === id);
    if (url.pathname === '/item' && item) return send(response, 200, 'text/html', itemPage(item, items));
    if (url.pathname === '/raw' && item?.kind === 'email') {
      // Opened on its own, the email is still sandboxed: no script, an opaque origin.
      return send(response, 200, 'text/html', item.email.html, { 'content-security-policy': 'sandbox', 'cache-control': 'no-store' });
    }
    return send(
      response,
      404,
      'text/html',
      messagePage(context(), 'Not found', `${url.pathname}${url.search}`, 'nothing here (the fixtures may have changed)'),
    );
  }

  function itemPage(item: GalleryItem, items: readonly GalleryItem[]): string {
    if (item.kind === 'skipped') return messagePage(context(), item.title, item.reason, `${item.file} · skipped by the filters`);
    if (item.kind === 'error') return messagePage(context(), 'Input error', item.message, item.file);
    const emails = items.filter((candidate) => candidate.kind === 'email');
    const at = emails.indexOf(item);
    const [previous, next] = [emails[at - 1], emails[at + 1]];
    return emailPage(context(), item, emailViews(item.email), { ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    if (!isLocalHost(request.headers.host)) return send(response, 403, 'text/plain', 'forbidden host');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'method not allowed');
    route(url, request, response).catch((error: unknown) => {
      log(`${url.pathname}: ${messageOf(error)}`);
      if (response.headersSent) response.end();
      else send(response, 500, 'text/html', messagePage(context(), 'Preview error', messageOf(error), url.pathname));
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      for (const watch of watches) watch.close();
      reload.close();
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError('--port', `port ${options.port} is in use; pick another (or --port 0)`, { cause: error })
          : error,
      );
    });
    server.listen(options.port, HOST, () => resolve());
  });
  server.on('error', (error) => log(`server: ${messageOf(error)}`));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    url: `http://${HOST}:${port}/`,
    get version() {
      return version;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const watch of watches) watch.close();
        reload.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function debounce(options: PreviewOptions): { debounceMs?: number } {
  return options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs };
}

/** Refuses other Host names (DNS rebinding): the gallery shows finding data. */
function isLocalHost(host: string | undefined): boolean {
  return host === undefined || /^(127\.0\.0\.1|localhost)(:\d+)?$/i.test(host);
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Readonly<Record<string, string>> = PAGE_HEADERS,
): void {
  response.writeHead(status, { ...headers, 'content-type': `${type}; charset=utf-8` });
  response.end(body);
}
