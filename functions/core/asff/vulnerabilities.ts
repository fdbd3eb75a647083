/** The vulnerabilities (CVEs) of an ASFF finding (Inspector, JFrog, ...). */

import { bestCvss } from '../finding/cvss.js';
import type { Vulnerability } from '../finding/model.js';
import { safeUrls } from '../finding/safe-url.js';
import type { AsffVulnerability } from './schema.js';

/**
 * Each vulnerability with its best CVSS base score (`bestCvss`) and that score's vector, its packages as
 * `name version`, the distinct fixed-in versions, and only its http(s) reference URLs.
 */
export function asffVulnerabilities(vulnerabilities: readonly AsffVulnerability[] | undefined): Vulnerability[] {
  return (vulnerabilities ?? []).map((v) => {
    const top = bestCvss(
      (v.Cvss ?? []).flatMap((c) => (c.BaseScore === undefined ? [] : [{ score: c.BaseScore, version: c.Version, vector: c.BaseVector }])),
    );
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
