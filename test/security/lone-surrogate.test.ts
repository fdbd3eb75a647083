/**
 * JSON can carry a lone UTF-16 surrogate (`"\ud800"`): JSON.parse accepts it, and a product that
 * calls BatchImportFindings chooses its text. Such a finding must still be mailed, the surrogate
 * shown as U+FFFD, rather than crash the renderer and end in the dead-letter queue.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config.js';
import { createPipeline } from '../../functions/core/pipeline/pipeline.js';
import { renderer } from '../../functions/core/render/prebuilt.js';
import { readFixtureText } from '../support/fixtures.js';
import { inspectHtml } from './html-safety.js';

const pipeline = createPipeline(parseConfig({}), renderer);

/** The seed event with a lone surrogate written (as a JSON escape) into one string field. */
function seedWith(field: 'Title' | 'ProductName' | 'Id', value: string): unknown {
  const text = readFixtureText('fixtures/seed/cis-3.4-imported-event.json');
  const event = JSON.parse(text) as { detail: { findings: Record<string, unknown>[] } };
  const finding = event.detail.findings[0] as Record<string, unknown>;
  finding[field] = value;
  return JSON.parse(JSON.stringify(event).replace('LONE', '\\ud800'));
}

describe('a lone surrogate in finding text', () => {
  it.each([
    ['ProductName', 'Scanner LONE'],
    ['Id', 'arn:aws:securityhub:ap-southeast-2:111122223333:finding/LONE'],
    ['Title', 'Title LONE'],
  ] as const)('in %s still becomes an email, without a parse error in its HTML', (field, value) => {
    // Prepare
    const input = seedWith(field, value);
    expect(JSON.stringify(input)).toContain('\\ud800');

    // Act
    const outcomes = pipeline.plan(input, 'lone-surrogate');

    // Assess
    const [outcome] = outcomes;
    expect(outcome?.kind).toBe('email');
    if (outcome?.kind !== 'email') return;
    expect([...inspectHtml(outcome.email.html).parseErrors]).not.toContain('surrogate-in-input-stream');
    expect(Object.values(outcome.email.headers).join('')).toMatch(/^[\x20-\x7e]*$/);
  });

  it('in an Insight ARN still becomes an email (the console link encodes it as U+FFFD)', () => {
    // Prepare
    const text = readFixtureText('fixtures/insight/insight-results-custom-resource-id-event.json');
    const event = JSON.parse(text) as { detail: { insightArn: string } };
    event.detail.insightArn = `${event.detail.insightArn}LONE`;
    const input = JSON.parse(JSON.stringify(event).replace('LONE', '\\ud800'));

    // Act
    const outcomes = pipeline.plan(input, 'lone-surrogate-insight');

    // Assess
    const [outcome] = outcomes;
    expect(outcome?.kind).toBe('email');
    if (outcome?.kind !== 'email') return;
    expect(outcome.email.html).toContain('%EF%BF%BD');
  });
});
