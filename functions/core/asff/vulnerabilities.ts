/** The vulnerabilities (CVEs) of an ASFF finding (Inspector, JFrog, ...). */
import type { Vulnerability } from '../finding/model.js';
import { safeUrls } from '../finding/safe-url.js';
import type { AsffVulnerability } from './schema.js';

/**
 * Each vulnerability with its highest CVSS base score (and that score's vector), its packages as
 * `name version`, the distinct fixed-in versions, and only its http(s) reference URLs.
 */
export function asffVulnerabilities(vulnerabilities: readonly AsffVulnerability[] | undefined): Vulnerability[] {
  return (vulnerabilities ?? []).map((v) => {
    let top: { score: number; vector?: string } | undefined;
    for (const cvss of v.Cvss ?? []) {
      if (cvss.BaseScore !== undefined && (top === undefined || cvss.BaseScore > top.score)) {
        top = cvss.BaseVector === undefined ? { score: cvss.BaseScore } : { score: cvss.BaseScore, vector: cvss.BaseVector };
      }
    }
    const packages = (v.VulnerablePackages ?? []).flatMap((p) => {
      const name = [p.Name, p.Version].filter((part) => part !== undefined && part !== '').join(' ');
      return name === '' ? [] : [name];
    });
    const fixed = [...new Set((v.VulnerablePackages ?? []).flatMap((p) => (p.FixedInVersion ? [p.FixedInVersion] : [])))];
    return {
      id: v.Id,
      ...(top === undefined ? {} : { cvssScore: top.score }),
      ...(top?.vector === undefined ? {} : { cvssVector: top.vector }),
      packages,
      ...(fixed.length === 0 ? {} : { fixedInVersion: fixed.join(', ') }),
      ...(v.FixAvailable === undefined ? {} : { fixAvailable: v.FixAvailable }),
      referenceUrls: safeUrls(v.ReferenceUrls ?? []),
    };
  });
}
