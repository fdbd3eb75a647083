/**
 * The summary Lambda's renderer from its generated module (`npm run build:templates`): no finding,
 * digest or insight template reaches its bundle.
 */
import { SUMMARY_VIEWS } from '../summary/summary-view.js';
import { familyRenderer } from './family-renderer.js';
import { templates } from './generated/summary.js';

export const summaryRenderer = familyRenderer(templates, SUMMARY_VIEWS);
