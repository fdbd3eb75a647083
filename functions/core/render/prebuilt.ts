/**
 * The renderer of every email kind, built from the generated templates module (`npm run
 * build:templates`): what the bench and tests import. Each Lambda imports its own family's
 * (`prebuilt-alert.ts`, `prebuilt-summary.ts`); the preview server builds its own from live templates.
 */
import { createRenderer } from './create-renderer.js';
import { templates } from './generated/templates.js';

export const renderer = createRenderer(templates);
