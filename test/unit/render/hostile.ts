/** The hostile finding the render suites share: markup, template syntax and script URLs in every field. */
import type { Finding } from '../../../functions/core/finding/model.js';
import { aVulnerabilityFinding } from '../../support/findings.js';

/** Markup, an event handler, every character HTML escapes, Handlebars syntax, a script URL, a bidi override, non-ASCII. */
export const HOSTILE =
  '<script>alert(1)</script><img src=x onerror="alert(2)">"\' `=& {{constructor}} {{{t.brand}}} {{#each x}} javascript:alert(3) \u202E日本語 ';

/** A finding whose every text field is hostile (blank list entries too), and whose link fields hold non-http(s) URLs. */
export function hostileFinding(): Finding {
  const base = aVulnerabilityFinding();
  return {
    ...base,
    title: `Title ${HOSTILE}`,
    description: `Description ${HOSTILE}\nsecond line`,
    productName: `Product ${HOSTILE}`,
    companyName: `Company ${HOSTILE}`,
    generatorId: `Generator ${HOSTILE}`,
    accountId: `Account ${HOSTILE}`,
    region: `Region ${HOSTILE}`,
    types: [`Type ${HOSTILE}`, ''],
    compliance: {
      status: 'FAILED',
      reasons: [{ code: `Code ${HOSTILE}`, description: `Reason ${HOSTILE}` }],
      controlId: `Control ${HOSTILE}`,
      standards: [`Standard ${HOSTILE}`],
      relatedRequirements: [`Requirement ${HOSTILE}`],
    },
    remediation: { text: `Remediation ${HOSTILE}`, url: 'javascript:alert(4)' },
    resources: [
      {
        type: `Rtype ${HOSTILE}`,
        id: `Rid ${HOSTILE}`,
        region: `Rregion ${HOSTILE}`,
        tags: { [`k ${HOSTILE}`]: HOSTILE, b: '' },
        details: [`Detail ${HOSTILE}`, HOSTILE],
      },
    ],
    vulnerabilities: [
      {
        id: `CVE ${HOSTILE}`,
        packages: [`pkg ${HOSTILE}`],
        fixedInVersion: HOSTILE,
        referenceUrls: ['javascript:alert(5)', 'data:text/html,x'],
        exploitAvailable: 'YES',
        epssScore: 0.5,
        relatedIds: [`Related ${HOSTILE}`],
        vendor: `Vendor ${HOSTILE}`,
        advisoryUrl: 'javascript:alert(9)',
        remediations: [`Fix ${HOSTILE}`],
      },
    ],
    evidence: [`Evidence ${HOSTILE}`],
    accountName: `Name ${HOSTILE}`,
    activity: [
      { kind: 'action', value: `Action ${HOSTILE}` },
      { kind: 'remote', value: `Remote ${HOSTILE}` },
      { kind: 'firstSeen', value: HOSTILE },
    ],
    related: [{ id: `Related ${HOSTILE}`, title: `Title ${HOSTILE}`, control: `Control ${HOSTILE}`, traits: [`Trait ${HOSTILE}`] }],
    missing: [`Missing ${HOSTILE}`],
    note: { text: `Note ${HOSTILE}`, updatedBy: `By ${HOSTILE}` },
    sourceUrl: 'vbscript:msgbox(6)',
    consoleUrl: 'javascript:alert(7)',
  };
}
