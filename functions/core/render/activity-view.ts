/** The "What happened" and "made of" sections of a finding email: facts with localized labels. */
import type { Finding } from '../finding/model.js';
import type { LocaleStrings } from './compiled-templates.js';
import { line } from './finding-view.js';
import { findingDate } from './format-date.js';
import { activityLabel, label, valueLabel } from './labels.js';
import { LIMITS } from './limits.js';
import type { FactView, RelatedView } from './view-model.js';

/**
 * Each fact as `label: value`: ASFF words such as `PORT_PROBE` and `true` localized, times in the
 * configured zone (a time that cannot be read is left out).
 *
 * @example activityView([{ kind: 'action', value: 'DNS_REQUEST' }], t, 'UTC') // [{ label: 'Action', value: 'DNS request' }]
 */
export function activityView(facts: Finding['activity'], t: LocaleStrings, timeZone: string): FactView[] {
  return (facts ?? []).slice(0, LIMITS.activity).flatMap((fact) => {
    const value = line(fact.value);
    const shown =
      fact.kind === 'firstSeen' || fact.kind === 'lastSeen'
        ? findingDate(fact.value, timeZone)
        : value !== undefined && (fact.kind === 'action' || fact.kind === 'direction' || fact.kind === 'blocked')
          ? valueLabel(t, value)
          : value;
    return shown === undefined ? [] : [{ label: activityLabel(t, fact.kind), value: shown }];
  });
}

/** The findings this one is made of: control id and title (or the id), with their traits; then `+N more`. */
export function relatedView(related: Finding['related'], t: LocaleStrings): RelatedView[] {
  const all = related ?? [];
  const shown = all.slice(0, LIMITS.related).map((r) => {
    const title = line([r.control, r.title].filter((part) => part !== undefined).join(' ')) ?? line(r.id) ?? '-';
    return { title, id: line(r.id) ?? '-', traits: line(r.traits.join('; ')) };
  });
  return all.length > shown.length ? [...shown, { title: label(t, 'moreOfFinding', { count: all.length - shown.length }) }] : shown;
}
