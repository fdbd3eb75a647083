/** OCSF `vulnerabilities[]` to the model: CVE id, best CVSS, packages, fix availability, http(s) references. */
import type { Vulnerability } from '../finding/model.js';
import { safeUrls } from '../finding/safe-url.js';
import type { OcsfVulnerability } from './schema.js';
import { field, str } from './text.js';

type Cvss = NonNullable<NonNullable<OcsfVulnerability['cve']>['cvss']>[number];

/** Maps one vulnerability; undefined when it names neither a CVE nor a title to show. */
export function ocsfVulnerability(vuln: OcsfVulnerability): Vulnerability | undefined {
  const id = str(vuln.cve?.uid) ?? str(vuln.title);
  if (id === undefined) return undefined;
  const cvss = bestCvss(vuln.cve?.cvss ?? []);
  const packages = vuln.affected_packages ?? [];
  const fixed = packages.map((p) => str(p.fixed_in_version)).find((v) => v !== undefined);
  return {
    id,
    ...field('cvssScore', cvss?.base_score),
    ...field('cvssVector', str(cvss?.vector_string)),
    packages: packages
      .map((p) => [str(p.name), str(p.version)].filter((part) => part !== undefined).join(' '))
      .filter((line) => line !== ''),
    ...field('fixedInVersion', fixed),
    ...field('fixAvailable', fixAvailable(vuln)),
    referenceUrls: safeUrls([...(vuln.references ?? []), ...(vuln.cve?.references ?? [])]),
  };
}

/**
 * The CVSS entry to show: among those with a base score, the newest CVSS version, then the
 * highest score (products often send both a vendor and an NVD score).
 */
export function bestCvss(entries: readonly Cvss[]): Cvss | undefined {
  let best: Cvss | undefined;
  for (const entry of entries) {
    if (entry.base_score === undefined || !Number.isFinite(entry.base_score)) continue;
    if (best === undefined || compare(entry, best) > 0) best = entry;
  }
  return best;
}

function compare(a: Cvss, b: Cvss): number {
  const byVersion = versionNumber(a.version) - versionNumber(b.version);
  return byVersion !== 0 ? byVersion : (a.base_score ?? 0) - (b.base_score ?? 0);
}

function versionNumber(version: string | undefined): number {
  const parsed = Number.parseFloat(version ?? '');
  return Number.isFinite(parsed) ? parsed : 0;
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
