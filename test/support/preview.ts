/** The preview server on a temporary copy of templates/, for suites that edit templates while it runs. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../functions/core/config.js';
import { type PreviewServer, startPreview } from '../../functions/preview/preview-server.js';
import { REPO_ROOT } from './fixtures.js';

export interface PreviewOnCopy {
  readonly preview: PreviewServer;
  /** The copy of templates/ the server watches: edit it freely. */
  readonly templates: string;
  /** Closes the server and removes the copy. */
  close(): Promise<void>;
}

/**
 * Starts the preview server (port 0, default configuration, 50 ms debounce) on a fresh copy of
 * templates/, showing `fixtures` (paths from the repository root).
 *
 * @example
 * beforeAll(async () => { running = await startPreviewOnCopy({ fixtures: ['fixtures/seed'] }); });
 * afterAll(() => running?.close());
 */
export async function startPreviewOnCopy(options: { fixtures: readonly string[]; log?: (line: string) => void }): Promise<PreviewOnCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'preview-'));
  const templates = join(dir, 'templates');
  const removeCopy = () => rm(dir, { recursive: true, force: true });
  try {
    await cp(join(REPO_ROOT, 'templates'), templates, { recursive: true });
    const preview = await startPreview({
      port: 0,
      templatesDir: templates,
      fixtures: options.fixtures.map((path) => join(REPO_ROOT, path)),
      config: parseConfig({}),
      log: options.log ?? (() => {}),
      debounceMs: 50,
    });
    return {
      preview,
      templates,
      async close() {
        await preview.close();
        await removeCopy();
      },
    };
  } catch (error) {
    await removeCopy();
    throw error;
  }
}
