import { describe, expect, it } from 'vitest';
import { collapseCopies, type DedupOptions, decide, stateAfter } from '../../../functions/core/policy/dedup.js';
import { aFinding, anInput, NOW } from './builder.js';

const options: DedupOptions = { repeatAfterHours: 24, notifyOnResolution: false, stateTtlDays: 90 };
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const notifiedAs = (finding = aFinding(), at = hoursAgo(1)) => stateAfter(finding, undefined, at, options, true);

describe('decide', () => {
  it('sends a new open finding and records it with a TTL', () => {
    const decision = decide(aFinding(), undefined, NOW, options);
    expect(decision).toMatchObject({ send: true, reason: 'new' });
    expect(decision.update).toMatchObject({ notifiedAt: NOW.toISOString(), firstNotifiedAt: NOW.toISOString() });
    expect(decision.update?.expiresAt).toBe(NOW.getTime() / 1000 + 90 * 86_400);
  });

  it('sends nothing for an update without material change', () => {
    const decision = decide(aFinding({ updatedAt: '2025-06-01T11:00:00Z', title: 'reworded' }), notifiedAs(), NOW, options);
    expect(decision).toMatchObject({ send: false, reason: 'unchanged' });
    expect(decision.update).toBeUndefined();
  });

  it('sends when severity rises, naming the change, and keeps the thread start', () => {
    const previous = notifiedAs(aFinding({ severity: 'MEDIUM' }), hoursAgo(5));
    const decision = decide(aFinding({ severity: 'CRITICAL' }), previous, NOW, options);
    expect(decision).toMatchObject({ send: true, reason: 'changed', detail: 'severity MEDIUM -> CRITICAL' });
    expect(decision.update?.firstNotifiedAt).toBe(previous.firstNotifiedAt);
  });

  it('records a resolution quietly by default, then mails the reopening', () => {
    const resolved = decide(aFinding({ complianceStatus: 'PASSED' }), notifiedAs(), NOW, options);
    expect(resolved).toMatchObject({ send: false, reason: 'resolved' });
    expect(resolved.update?.state.complianceStatus).toBe('PASSED');
    expect(resolved.update?.notifiedAt).toBe(hoursAgo(1).toISOString());
    const reopened = decide(aFinding({ complianceStatus: 'FAILED' }), resolved.update, NOW, options);
    expect(reopened).toMatchObject({ send: true, reason: 'reopened', detail: 'compliance PASSED -> FAILED' });
  });

  it('mails a resolution when asked to', () => {
    const decision = decide(aFinding({ workflowStatus: 'RESOLVED' }), notifiedAs(), NOW, { ...options, notifyOnResolution: true });
    expect(decision).toMatchObject({ send: true, reason: 'resolved', detail: 'workflow NEW -> RESOLVED' });
  });

  it('does not mail a finding that was never open', () => {
    expect(decide(aFinding({ recordState: 'ARCHIVED' }), undefined, NOW, options)).toMatchObject({ send: false, reason: 'closed' });
  });

  it('repeats an unchanged open finding once the interval has passed, not before', () => {
    expect(decide(aFinding(), notifiedAs(aFinding(), hoursAgo(23.9)), NOW, options).send).toBe(false);
    expect(decide(aFinding(), notifiedAs(aFinding(), hoursAgo(24)), NOW, options)).toMatchObject({ send: true, reason: 'repeat' });
    expect(decide(aFinding(), notifiedAs(aFinding(), hoursAgo(1000)), NOW, { ...options, repeatAfterHours: 0 }).send).toBe(false);
  });
});

describe('collapseCopies', () => {
  it('keeps the newest UpdatedAt of each finding and names the rest as copies', () => {
    const old = anInput(aFinding({ updatedAt: '2025-01-01T00:00:00Z' }), 'e1');
    const newest = anInput(aFinding({ updatedAt: '2025-01-03T00:00:00Z' }), 'e2');
    const middle = anInput(aFinding({ updatedAt: '2025-01-02T00:00:00Z' }), 'e3');
    const other = anInput(aFinding({ id: 'other' }), 'e4');
    const { kept, copies } = collapseCopies([old, newest, middle, other]);
    expect(kept).toEqual([newest, other]);
    expect(copies.map((c) => [c.item, c.keptItem])).toEqual([
      [old, newest],
      [middle, newest],
    ]);
  });

  it('keeps the later of two identical copies', () => {
    const first = anInput(aFinding(), 'same', 'message-1');
    const second = anInput(aFinding(), 'same', 'message-2');
    expect(collapseCopies([first, second]).kept).toEqual([second]);
  });

  it('prefers a copy with a timestamp over one without', () => {
    const { updatedAt: _, ...undated } = aFinding();
    const dated = anInput(aFinding());
    expect(collapseCopies([dated, anInput(undated)]).kept).toEqual([dated]);
  });
});
