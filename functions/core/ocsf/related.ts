/**
 * What an OCSF finding is made of: `finding_info.related_events[]`, the contributing findings of a
 * Security Hub exposure finding (each a title, a uid naming a control or a CVE finding, and trait
 * tags such as `Reachability: Publicly Invocable`).
 */
import { items, member, scalar, text } from '../finding/json-read.js';
import type { RelatedFinding } from '../finding/model.js';
import { field } from '../finding/object.js';
import { MAX_RELATED, relatedControl, relatedText } from '../finding/related.js';

/** At most this many trait tags per related finding. */
const MAX_TRAITS = 5;

/**
 * Each related event with a uid or a title.
 *
 * @example ocsfRelated([{ uid: 'arn:...:security-control/Lambda.1/finding/x', title: 'Lambda functions should be in a VPC' }])
 * // [{ id: 'arn:...', title: 'Lambda functions should be in a VPC', control: 'Lambda.1', traits: [] }]
 */
export function ocsfRelated(events: unknown): RelatedFinding[] {
  return items(events)
    .slice(0, MAX_RELATED)
    .flatMap((event) => {
      const uid = text(event, 'uid');
      const title = text(event, 'title') ?? text(event, 'name');
      if (uid === undefined && title === undefined) return [];
      const traits = items(member(event, 'tags'))
        .slice(0, MAX_TRAITS)
        .flatMap((tag) => {
          const name = text(tag, 'name');
          const values = items(member(tag, 'values')).flatMap((v) => scalar(v) ?? []);
          const value = values.length > 0 ? values.join(', ') : text(tag, 'value');
          if (name === undefined) return value === undefined ? [] : [relatedText(value)];
          return [relatedText(value === undefined ? name : `${name}: ${value}`)];
        });
      return [
        {
          id: relatedText(uid ?? title ?? ''),
          ...field('title', title === undefined ? undefined : relatedText(title)),
          ...field('control', uid === undefined ? undefined : relatedControl(uid)),
          traits,
        },
      ];
    });
}
