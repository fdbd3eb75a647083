/** OCSF `vulnerabilities[]` to the model: CVE id, best CVSS, packages, fix availability, http(s) references. */
import { bestCvss } from '../finding/cvss.js';
import { items, member, nonEmptyList, probability, scalar, text, yesNo } from '../finding/json-read.js';
import type { Vulnerability } from '../finding/model.js';
import { field } from '../finding/object.js';
import { safeUrls } from '../finding/safe-url.js';
import type { OcsfVulnerability } from './schema.js';
import { str } from './text.js';

/** Maps one vulnerability; undefined when it names neither a CVE nor a title to show. */
export function ocsfVulnerability(vuln: OcsfVulnerability): Vulnerability | undefined {
  const id = str(vuln.cve?.uid) ?? str(vuln.title);
  if (id === undefined) return undefined;
  const cvss = bestCvss(
    (vuln.cve?.cvss ?? []).flatMap((c) =>
      c.base_score === undefined ? [] : [{ score: c.base_score, version: c.version, vector: c.vector_string }],
    ),
  );
  const packages = vuln.affected_packages ?? [];
  const fixed = packages.map((p) => str(p.fixed_in_version)).find((v) => v !== undefined);
  return {
    id,
    ...field('cvssScore', cvss?.score),
    ...field('cvssVector', str(cvss?.vector)),
    packages: packages
      .map((p) => [str(p.name), str(p.version)].filter((part) => part !== undefined).join(' '))
      .filter((line) => line !== ''),
    ...field('fixedInVersion', fixed),
    ...field('fixAvailable', fixAvailable(vuln)),
    referenceUrls: safeUrls([...(vuln.references ?? []), ...(vuln.cve?.references ?? [])]),
    ...field('exploitAvailable', yesNo(vuln.is_exploit_available)),
    ...field('epssScore', probability(member(vuln.cve?.epss, 'score'))),
    ...field('relatedIds', nonEmptyList(items(vuln.related_vulnerabilities).flatMap((r) => scalar(r) ?? text(r, 'uid') ?? []))),
    ...field('vendor', scalar(vuln.vendor_name)),
    ...field(
      'remediations',
      nonEmptyList([
        ...new Set([text(vuln.remediation, 'desc'), ...packages.map((p) => text(p.remediation, 'desc'))].flatMap((r) => r ?? [])),
      ]),
    ),
  };
}

/** `fix_coverage` (Comprehensive / Partial / None) first, else `is_fix_available`. */
function fixAvailable(vuln: OcsfVulnerability): Vulnerability['fixAvailable'] {
  switch ((vuln.fix_coverage ?? '').trim().toLowerCase()) {
    case 'comprehensive':
    case 'complete':
      return 'YES';
    case 'partial':
      return 'PARTIAL';
    case 'none':
      return 'NO';
  }
  if (vuln.is_fix_available === undefined) return undefined;
  return vuln.is_fix_available ? 'YES' : 'NO';
}
