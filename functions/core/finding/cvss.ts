/** Which CVSS score an email shows when a vulnerability carries several (ASFF and OCSF alike). */

/** One CVSS entry, in either format's terms. */
export interface CvssScore {
  readonly score: number;
  readonly version?: string | undefined;
  readonly vector?: string | undefined;
}

/**
 * The newest CVSS version first, then the highest score: products often send both a vendor and
 * an NVD score, and a v3.1 score describes the CVE better than a v2 one.
 *
 * @example bestCvss([{ score: 9.3, version: '2.0' }, { score: 7.5, version: '3.1' }]) // { score: 7.5, version: '3.1' }
 */
export function bestCvss(entries: Iterable<CvssScore>): CvssScore | undefined {
  let best: CvssScore | undefined;
  for (const entry of entries) {
    if (!Number.isFinite(entry.score)) continue;
    const byVersion = best === undefined ? 1 : versionNumber(entry.version) - versionNumber(best.version);
    if (byVersion > 0 || (byVersion === 0 && best !== undefined && entry.score > best.score)) best = entry;
  }
  return best;
}

function versionNumber(version: string | undefined): number {
  const parsed = Number.parseFloat(version ?? '');
  return Number.isFinite(parsed) ? parsed : 0;
}
