/**
 * Builds a renderer from the templates folder with the same compiler as the Lambda build, and
 * keeps the last result: a renderer, or the error that stopped the build. Never throws.
 */
import { compileTemplates } from '../build/compile-templates.js';
import { TemplateError } from '../core/errors.js';
import { createRenderer } from '../core/render/create-renderer.js';
import type { Renderer } from '../core/render/renderer.js';
import { messageOf } from './gallery.js';

export type BuildState =
  | { readonly ok: true; readonly renderer: Renderer }
  | { readonly ok: false; readonly error: Error; readonly message: string };

export interface TemplateBuilder {
  /** The last build's result. */
  readonly state: BuildState;
  /** Rebuilds; a call during a build waits for it and builds once more, so the last save always wins. */
  rebuild(): Promise<BuildState>;
}

/**
 * @example
 * const builder = createTemplateBuilder('templates', console.error);
 * await builder.rebuild();
 * if (!builder.state.ok) console.error(builder.state.message); // templates/finding.mjml:12: ...
 */
export function createTemplateBuilder(dir: string, log: (line: string) => void): TemplateBuilder {
  let state: BuildState = { ok: false, error: new Error('not built yet'), message: 'not built yet' };
  let running: Promise<BuildState> | undefined;
  let again = false;

  async function buildOnce(): Promise<BuildState> {
    try {
      const renderer = createRenderer(await compileTemplates(dir));
      return { ok: true, renderer };
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      // TemplateError's message is already `file:line: message`.
      const message = cause instanceof TemplateError ? cause.message : messageOf(cause);
      log(message);
      return { ok: false, error, message };
    }
  }

  async function loop(): Promise<BuildState> {
    do {
      again = false;
      state = await buildOnce();
    } while (again);
    return state;
  }

  return {
    get state() {
      return state;
    },
    async rebuild() {
      if (running) {
        again = true;
        return running;
      }
      running = loop();
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },
  };
}
