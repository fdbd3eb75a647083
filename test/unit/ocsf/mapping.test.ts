/** The small OCSF mappings: severity, status, compliance status, record state, times, CVSS choice, console link. */
import { describe, expect, it } from 'vitest';
import { bestCvss } from '../../../functions/core/finding/cvss.js';
import { ocsfConsoleUrl } from '../../../functions/core/ocsf/console-link.js';
import { ocsfSeverity } from '../../../functions/core/ocsf/severity.js';
import { ocsfComplianceStatus, ocsfRecordState, ocsfWorkflowStatus } from '../../../functions/core/ocsf/status.js';
import { ocsfTime } from '../../../functions/core/ocsf/time.js';

describe('ocsfSeverity', () => {
  it.each([
    [1, undefined, 'INFORMATIONAL'],
    [2, 'Low', 'LOW'],
    [3, 'Medium', 'MEDIUM'],
    [4, 'High', 'HIGH'],
    [5, 'Critical', 'CRITICAL'],
    [6, 'Fatal', 'CRITICAL'],
    [4, 'Low', 'HIGH'],
    [99, 'critical', 'CRITICAL'],
    [0, 'Unknown', undefined],
    [undefined, ' Medium ', 'MEDIUM'],
    [undefined, 'Severe', undefined],
    [undefined, 'constructor', undefined],
    [undefined, '__proto__', undefined],
  ] as const)('id %s caption %s -> %s', (id, caption, expected) => {
    expect(ocsfSeverity(id, caption)).toBe(expected);
  });
});

describe('statuses', () => {
  it.each([
    [1, 'New', 'NEW'],
    [2, 'In Progress', 'NOTIFIED'],
    [3, 'Suppressed', 'SUPPRESSED'],
    [4, 'Resolved', 'RESOLVED'],
    [5, 'Archived', 'RESOLVED'],
    [0, 'Unknown', undefined],
    [99, 'Other', undefined],
    [undefined, 'in progress', 'NOTIFIED'],
    [42, 'Resolved', 'RESOLVED'],
    [undefined, 'constructor', undefined],
    [undefined, '__proto__', undefined],
  ] as const)('workflow: status_id %s status %s -> %s', (id, caption, expected) => {
    expect(ocsfWorkflowStatus(id, caption)).toBe(expected);
  });

  it.each([
    [1, 'Pass', 'PASSED'],
    [2, 'Warning', 'WARNING'],
    [3, 'Fail', 'FAILED'],
    [0, 'Unknown', 'NOT_AVAILABLE'],
    [99, 'Other', 'NOT_AVAILABLE'],
    [99, 'Fail', 'FAILED'],
    [undefined, 'Pass', 'PASSED'],
    [undefined, undefined, undefined],
    [undefined, 'constructor', 'NOT_AVAILABLE'],
    [undefined, '__proto__', 'NOT_AVAILABLE'],
  ] as const)('compliance: status_id %s status %s -> %s', (id, caption, expected) => {
    expect(ocsfComplianceStatus(id, caption)).toBe(expected);
  });

  it.each([
    [{ activity_id: 3 }, 'ARCHIVED'],
    [{ activity_name: 'Close' }, 'ARCHIVED'],
    [{ activity_id: 2, status_id: 5 }, 'ARCHIVED'],
    [{ activity_id: 1, activity_name: 'Create', status_id: 4 }, 'ACTIVE'],
    [{}, 'ACTIVE'],
  ] as const)('record state of %j -> %s', (finding, expected) => {
    expect(ocsfRecordState(finding)).toBe(expected);
  });
});

describe('ocsfTime', () => {
  it('prefers the _dt twin, falls back to epoch ms, and refuses what is not a date', () => {
    expect(ocsfTime(0, '2025-11-21T23:10:04Z')).toBe('2025-11-21T23:10:04.000Z');
    expect(ocsfTime(1759524561464, undefined)).toBe('2025-10-03T20:49:21.464Z');
    expect(ocsfTime(1759524561464, 'yesterday')).toBe('2025-10-03T20:49:21.464Z');
    expect(ocsfTime(Number.NaN, undefined)).toBeUndefined();
    expect(ocsfTime(1e20, undefined)).toBeUndefined();
    expect(ocsfTime(undefined, undefined)).toBeUndefined();
  });
});

describe('bestCvss', () => {
  it('takes the newest CVSS version, then the highest score, and skips a score that is not a number', () => {
    const v2 = { score: 10, version: '2.0' };
    const v31low = { score: 5.0, version: '3.1' };
    const v31high = { score: 7.2, version: '3.1' };
    const notANumber = { score: Number.NaN, version: '4.0', vector: 'CVSS:4.0/AV:N' };

    expect(bestCvss([v2, v31low, notANumber, v31high])).toBe(v31high);
    expect(bestCvss([v31high, v31low])).toBe(v31high);
    expect(bestCvss([v2])).toBe(v2);
    expect(bestCvss([notANumber])).toBeUndefined();
  });
});

describe('ocsfConsoleUrl', () => {
  it.each([
    ['aws', 'us-east-1', 'us-east-1.console.aws.amazon.com'],
    ['aws-cn', 'cn-northwest-1', 'cn-northwest-1.console.amazonaws.cn'],
    ['aws-us-gov', 'us-gov-east-1', 'us-gov-east-1.console.amazonaws-us-gov.com'],
    ['aws-iso', 'us-iso-east-1', 'us-iso-east-1.console.c2s.ic.gov'],
    ['aws-iso-b', 'us-isob-east-1', 'us-isob-east-1.console.sc2s.sgov.gov'],
  ])('partition %s Region %s -> %s', (partition, region, host) => {
    const url = new URL(ocsfConsoleUrl(partition, region, 'arn:aws:guardduty:x:1:detector/d/finding/f') ?? '');

    expect(url.host).toBe(host);
    expect(url.pathname).toBe('/securityhub/v2/home');
    expect(url.searchParams.get('region')).toBe(region);
  });

  it('encodes the uid twice in the search, so quotes, spaces and # stay inside it', () => {
    const uid = `x" onmouseover='a'#/<b> &y`;

    const url = ocsfConsoleUrl('aws', 'us-east-1', uid) ?? '';

    expect(url).not.toMatch(/["'<> ]/);
    const search = url.split('#/findings?search=')[1] ?? '';
    expect(decodeURIComponent(decodeURIComponent(search))).toBe(`finding_info.uid=\\operator\\:EQUALS\\:${uid}`);
  });

  it.each(['aws-eusc', 'aws-unknown', 'constructor', '__proto__'])(
    'gives no link for the partition %s, whose console is not known',
    (partition) => {
      expect(ocsfConsoleUrl(partition, 'eu-west-3', 'id')).toBeUndefined();
    },
  );

  it('leaves a malformed Region out of the host', () => {
    const url = new URL(ocsfConsoleUrl('aws', 'evil.example/', 'id') ?? '');

    expect(url.host).toBe('console.aws.amazon.com');
    expect(url.search).toBe('');
  });
});
