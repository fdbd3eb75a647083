/** Turns every fixture into the notifications the pipeline would render, so render timings cover every fixture. */
import { type NotifierConfig, parseConfig } from '../functions/core/config.js';
import { createPipeline } from '../functions/core/pipeline/pipeline.js';
import type { Notification } from '../functions/core/policy/notification.js';
import type { Renderer } from '../functions/core/render/renderer.js';
import type { Fixture } from './fixtures.js';

/** Lets every finding through, PASSED and archived ones too: the render benchmark wants every fixture's email. */
export const PERMISSIVE_CONFIG: NotifierConfig = parseConfig({
  transport: 'file',
  filters: {
    workflowStatuses: ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'],
    recordStates: ['ACTIVE', 'ARCHIVED'],
    complianceStatuses: ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'],
  },
});

export interface FixtureNotification {
  readonly fixture: string;
  readonly notification: Notification;
}

/** Plans every fixture through the real pipeline and keeps the notification of each email it would send. */
export function collectNotifications(fixtures: readonly Fixture[], renderer: Renderer): FixtureNotification[] {
  const pipeline = createPipeline(PERMISSIVE_CONFIG, renderer);
  const found: FixtureNotification[] = [];
  for (const fixture of fixtures) {
    for (const outcome of pipeline.plan(fixture.json, fixture.name)) {
      if (outcome.kind === 'email') found.push({ fixture: fixture.name, notification: outcome.email.notification });
    }
  }
  return found;
}
