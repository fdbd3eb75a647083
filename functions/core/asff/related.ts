/**
 * What an ASFF finding is made of: `RelatedFindings[]` (product and id) and, for GuardDuty's
 * attack sequences (Extended Threat Detection), the signals of `Detection.Sequence.Signals[]`
 * (title, type, product and indicators).
 */
import { items, joined, member, scalar, text } from '../finding/json-read.js';
import type { RelatedFinding } from '../finding/model.js';
import { field } from '../finding/object.js';
import { MAX_RELATED, relatedControl, relatedText } from '../finding/related.js';
import type { AsffFinding } from './schema.js';

/** At most this many indicators per signal. */
const MAX_INDICATORS = 5;

/**
 * The related findings, then the signals of an attack sequence, each with an id or a title.
 *
 * @example asffRelated({ RelatedFindings: [{ Id: 'arn:...:security-control/EC2.19/finding/x' }] } as AsffFinding)[0]?.control // 'EC2.19'
 */
export function asffRelated(f: AsffFinding): RelatedFinding[] {
  const related = items(f.RelatedFindings).flatMap((r) => {
    const id = text(r, 'Id');
    return id === undefined ? [] : [{ id: relatedText(id), ...field('control', relatedControl(id)), traits: [] }];
  });
  const signals = items(member(f.Detection, 'Sequence', 'Signals')).flatMap((signal) => {
    const id = text(signal, 'Id') ?? text(signal, 'Uid');
    const title = text(signal, 'Title') ?? text(signal, 'Name');
    if (id === undefined && title === undefined) return [];
    const kind = joined([text(signal, 'Type'), text(signal, 'ProductName')], ', ');
    const indicators = items(member(signal, 'SignalIndicators'))
      .slice(0, MAX_INDICATORS)
      .flatMap((indicator) => {
        const values = items(member(indicator, 'Values')).flatMap((v) => scalar(v) ?? []);
        const line = joined([text(indicator, 'Title') ?? text(indicator, 'Key'), values.join(', ')], ': ');
        return line === undefined ? [] : [relatedText(line)];
      });
    return [
      {
        id: relatedText(id ?? title ?? ''),
        ...field('title', title === undefined ? undefined : relatedText(title)),
        traits: kind === undefined ? indicators : [relatedText(kind), ...indicators],
      },
    ];
  });
  return [...related, ...signals].slice(0, MAX_RELATED);
}
