/** A realistic email for the fault suites: the seed fixture through the real pipeline and renderer. */
import { parseConfig } from '../../functions/core/config.js';
import { createPipeline } from '../../functions/core/pipeline/pipeline.js';
import type { Email } from '../../functions/core/render/email.js';
import { renderer } from '../../functions/core/render/prebuilt.js';
import { readFixture } from '../support/fixtures.js';

export function seedEmail(): Email {
  const [outcome] = createPipeline(parseConfig({}), renderer).plan(readFixture('fixtures/seed/cis-3.4-imported-event.json'), 'seed');
  if (outcome?.kind !== 'email') throw new Error(`the seed fixture did not become an email: ${outcome?.kind}`);
  return outcome.email;
}
