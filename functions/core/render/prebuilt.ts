/**
 * The renderer built from the generated templates module (`npm run build:templates`): what the
 * Lambda handler and the bench import. The preview server builds its own from live templates.
 */
import { createRenderer } from './create-renderer.js';
import { templates } from './generated/templates.js';

export const renderer = createRenderer(templates);
