/** The vulnerabilities (CVEs) of an ASFF finding (Inspector, JFrog, ...). */

import { bestCvss } from '../finding/cvss.js';
import { items, member, nonEmptyList, probability, scalar, text, yesNo } from '../finding/json-read.js';
import type { Vulnerability } from '../finding/model.js';
import { field } from '../finding/object.js';
import { safeUrl, safeUrls } from '../finding/safe-url.js';
import type { AsffVulnerability } from './schema.js';

/**
 * Each vulnerability with its best CVSS base score (`bestCvss`) and that score's vector, its packages as
 * `name version`, the distinct fixed-in versions and package remediations, only its http(s)
 * reference URLs, and what people triage by: exploit available, fix available, EPSS, related
 * CVEs and the vendor advisory.
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
    const remediations = [...new Set((v.VulnerablePackages ?? []).flatMap((p) => scalar(p.Remediation) ?? []))];
    const vendor = v.Vendor;
    return {
      id: v.Id,
      ...(top === undefined ? {} : { cvssScore: top.score }),
      ...(top?.vector === undefined ? {} : { cvssVector: top.vector }),
      packages,
      ...(fixed.length === 0 ? {} : { fixedInVersion: fixed.join(', ') }),
      ...(v.FixAvailable === undefined ? {} : { fixAvailable: v.FixAvailable }),
      referenceUrls: safeUrls(v.ReferenceUrls ?? []),
      ...field('exploitAvailable', yesNo(v.ExploitAvailable)),
      ...field('epssScore', probability(v.EpssScore)),
      ...field('relatedIds', nonEmptyList(items(v.RelatedVulnerabilities).flatMap((id) => scalar(id) ?? []))),
      ...field('vendor', text(vendor, 'Name')),
      ...field('advisoryUrl', safeUrl(member(vendor, 'Url'))),
      ...field('remediations', nonEmptyList(remediations)),
    };
  });
}
