import { MAX_DIGEST_FINDINGS } from '../policy/group.js';

/** Bounds that keep one email readable and well under the SNS 256 KB message limit. */
export const LIMITS = {
  resources: 20,
  vulnerabilities: 10,
  referenceUrlsPerVulnerability: 3,
  packagesPerVulnerability: 5,
  descriptionChars: 4000,
  /** Any other single value (title, note, reason, detail line). */
  valueChars: 1000,
  /** The policy never plans more per digest (MAX_DIGEST_FINDINGS); this only bounds a digest built elsewhere. */
  digestFindings: MAX_DIGEST_FINDINGS,
  digestControls: 10,
  insightRows: 50,
  evidence: 20,
  /** What happened: facts per finding. */
  activity: 16,
  /** Findings a finding is made of. */
  related: 20,
  relatedIdsPerVulnerability: 10,
  /** Per finding: status reasons, types, standards, related requirements; per resource: tags. */
  reasons: 50,
  types: 10,
  standards: 10,
  relatedRequirements: 20,
  tagsPerResource: 20,
} as const;
