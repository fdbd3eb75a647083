/**
 * The renderer of every email kind (replay, preview, the summary CLI, tests). Each Lambda builds
 * one of its own family instead (`prebuilt-alert.ts`, `prebuilt-summary.ts`).
 */
import { SUMMARY_VIEWS } from '../summary/summary-view.js';
import { ALERT_VIEWS } from './alert-views.js';
import type { CompiledTemplates } from './compiled-templates.js';
import { familyRenderer } from './family-renderer.js';
import type { Renderer } from './renderer.js';

/**
 * Builds a renderer from every compiled template (once per run).
 *
 * @example
 * const email = createRenderer(templates).render({ kind: 'finding', finding, trigger }, { locale: 'ja', timeZone: 'Asia/Tokyo' });
 */
export function createRenderer(templates: CompiledTemplates): Renderer {
  return familyRenderer(templates, { ...ALERT_VIEWS, ...SUMMARY_VIEWS });
}
