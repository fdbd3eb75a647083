/**
 * "Send anyway and log": wraps a store so that an unreachable store never stops an alert.
 * A failed read looks like "nothing known" (every finding looks new), a failed event claim
 * looks like "not seen", a failed write is reported and dropped. A duplicate beats a lost alert.
 */
import { type StateStore, StateStoreError } from '../../core/policy/state.js';

/**
 * Wraps a store; `onError` gets every `StateStoreError` (log it, count it). Other errors propagate.
 *
 * @example
 * const store = withFallback(createDynamoStateStore({ client, tableName }), (error) => logger.warn('state store unreachable; sending anyway', { error }));
 */
export function withFallback(store: StateStore, onError: (error: StateStoreError) => void): StateStore {
  async function guard<T>(run: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof StateStoreError)) throw error;
      onError(error);
      return fallback;
    }
  }
  return {
    getMany: (keys) => guard(() => store.getMany(keys), new Map()),
    putMany: (updates) => guard(() => store.putMany(updates), undefined),
    claimEvent: (eventId, inProgressUntil) => guard(() => store.claimEvent(eventId, inProgressUntil), false),
    completeEvent: (eventId) => guard(() => store.completeEvent(eventId), undefined),
    releaseEvent: (eventId) => guard(() => store.releaseEvent(eventId), undefined),
  };
}
