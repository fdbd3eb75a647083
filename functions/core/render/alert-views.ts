/** The view builders of the alert emails: one finding, a digest, an insight. */
import type { FamilyName } from './compiled-templates.js';
import { digestView } from './digest-view.js';
import type { ViewBuilders } from './family-renderer.js';
import { findingView } from './finding-view.js';
import { insightView } from './insight-view.js';

export const ALERT_VIEWS: ViewBuilders<FamilyName<'alert'>> = {
  finding: (notification, t, options) => findingView(notification.finding, notification.trigger, t, options),
  digest: (notification, t, options) => digestView(notification.findings, notification.trigger, t, options),
  insight: (notification, t) => insightView(notification.insight, t),
};
