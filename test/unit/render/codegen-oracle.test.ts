/**
 * The key proof: for every email the pipeline makes from every fixture, and for the builders
 * (hostile values included), in both locales, the generated render functions produce exactly
 * the bytes Handlebars produces from the same templates.
 */
import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../../functions/core/render/create-renderer.js';
import { ALL_NOTIFICATIONS } from './all-notifications.js';
import { EN, JA, renderer } from './compiled.js';
import { reference } from './handlebars-reference.js';

const handlebars = createRenderer(reference);
const all = ALL_NOTIFICATIONS;

describe('generated render functions vs Handlebars', () => {
  it('covers every kind of email, from many fixtures', () => {
    expect(new Set(all.map((n) => n.notification.kind))).toEqual(new Set(['finding', 'digest', 'insight', 'summary']));
    expect(all.length).toBeGreaterThan(40);
  });

  it.each([
    ['en', EN],
    ['ja', JA],
  ] as const)('render every email byte for byte as Handlebars does (%s)', (_locale, options) => {
    for (const { name, notification } of all) {
      const ours = renderer.render(notification, options);
      const theirs = handlebars.render(notification, options);
      expect({ name, html: ours.html }).toEqual({ name, html: theirs.html });
      expect({ name, text: ours.text }).toEqual({ name, text: theirs.text });
      expect({ name, subject: ours.subject }).toEqual({ name, subject: theirs.subject });
    }
  });
});
