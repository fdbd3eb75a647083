/**
 * The alert Lambda's renderer (finding, digest, insight) from its generated module
 * (`npm run build:templates`): no summary template or view code reaches its bundle.
 */
import { ALERT_VIEWS } from './alert-views.js';
import { familyRenderer } from './family-renderer.js';
import { templates } from './generated/alert.js';

export const alertRenderer = familyRenderer(templates, ALERT_VIEWS);
