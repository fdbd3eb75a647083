/** An in-memory state store: for tests, and the working copy of the JSON-file store. */
import type { StateStore, StoredState } from '../../core/policy/state.js';
import { isExpired } from './stored-state-schema.js';

/** Everything a state store holds, as plain JSON. */
export interface StateSnapshot {
  readonly findings: Readonly<Record<string, StoredState>>;
  /** Event id -> epoch seconds after which the claim lapses. */
  readonly events: Readonly<Record<string, number>>;
}

export interface StoreOptions {
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
  /** How long an event id stays claimed (covers SQS and EventBridge redelivery). Default 7 days. */
  readonly eventTtlHours?: number;
}

/** How long an event claim lasts, in seconds: `eventTtlHours`, 7 days by default. */
export function eventTtlSeconds(options: StoreOptions): number {
  return Math.round((options.eventTtlHours ?? 168) * 3600);
}

export interface MemoryStateStore extends StateStore {
  /** The live records and claims, expired ones left out. */
  snapshot(): StateSnapshot;
}

/**
 * Creates an in-memory store, optionally from a snapshot.
 *
 * @example
 * const store = createMemoryStateStore({ now: () => new Date('2025-06-01T00:00:00Z') });
 */
export function createMemoryStateStore(options: StoreOptions & { readonly initial?: StateSnapshot } = {}): MemoryStateStore {
  const now = options.now ?? (() => new Date());
  const claimSeconds = eventTtlSeconds(options);
  const findings = new Map(Object.entries(options.initial?.findings ?? {}));
  const events = new Map(Object.entries(options.initial?.events ?? {}));
  return {
    async getMany(keys) {
      const at = now();
      const found = new Map<string, StoredState>();
      for (const key of keys) {
        const state = findings.get(key);
        if (state && !isExpired(state.expiresAt, at)) found.set(key, state);
      }
      return found;
    },
    async putMany(updates) {
      for (const update of updates) findings.set(update.key, update);
    },
    async claimEvent(eventId, inProgressUntil) {
      const at = now();
      const claim = events.get(eventId);
      if (claim !== undefined && !isExpired(claim, at)) return true;
      events.set(eventId, inProgressUntil ? Math.ceil(inProgressUntil.getTime() / 1000) : Math.floor(at.getTime() / 1000) + claimSeconds);
      return false;
    },
    async completeEvent(eventId) {
      events.set(eventId, Math.floor(now().getTime() / 1000) + claimSeconds);
    },
    async releaseEvent(eventId) {
      events.delete(eventId);
    },
    snapshot() {
      const at = now();
      return {
        findings: Object.fromEntries([...findings].filter(([, s]) => !isExpired(s.expiresAt, at))),
        events: Object.fromEntries([...events].filter(([, e]) => !isExpired(e, at))),
      };
    },
  };
}
