/** ASFF vulnerabilities pick their CVSS score by the same rule as OCSF ones (functions/core/finding/cvss.ts). */
import { describe, expect, it } from 'vitest';
import { asffVulnerabilities } from '../../../functions/core/asff/vulnerabilities.js';

describe('asffVulnerabilities', () => {
  it("shows the newest CVSS version over a higher older score, with that entry's vector", () => {
    // Prepare: an Inspector-style CVE with an NVD v2 score and a v3.1 score.
    const [vulnerability] = asffVulnerabilities([
      {
        Id: 'CVE-2021-44228',
        Cvss: [
          { BaseScore: 9.3, BaseVector: 'AV:N/AC:M/Au:N/C:C/I:C/A:C', Version: '2.0' },
          { BaseScore: 7.5, BaseVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', Version: '3.1' },
        ],
      },
    ]);

    // Assess
    expect(vulnerability).toMatchObject({
      id: 'CVE-2021-44228',
      cvssScore: 7.5,
      cvssVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
    });
  });
});
