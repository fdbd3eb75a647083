/**
 * The dedup state store contract. Pure types plus the one error its implementations throw;
 * the DynamoDB, JSON-file and in-memory stores live in `functions/adapters/state/`.
 */
import type { MaterialState } from './material-state.js';

/** What the notifier remembers about one finding identity (`Finding.key`). */
export interface StoredState {
  /** `Finding.key`: ProductArn + Id (ASFF), metadata.uid (OCSF). */
  readonly key: string;
  /** The material state last seen (notified, or recorded without a mail, e.g. a quiet resolution). */
  readonly state: MaterialState;
  /** ISO-8601: when the last email about this finding was planned. */
  readonly notifiedAt: string;
  /** ISO-8601: when the first email about this finding was planned (email threading). */
  readonly firstNotifiedAt: string;
  /** The finding's own `UpdatedAt` when it was last recorded, if it had one. */
  readonly findingUpdatedAt?: string;
  /** Epoch seconds after which the store may forget this record (DynamoDB TTL attribute). */
  readonly expiresAt: number;
}

/**
 * Where dedup state lives between delivery windows.
 *
 * Every method throws `StateStoreError` when the store cannot be reached; the caller catches it,
 * sends anyway and logs (a duplicate is better than a lost alert). See `withFallback`.
 */
export interface StateStore {
  /** The live (not expired) records for these keys; keys without one are absent from the map. */
  getMany(keys: readonly string[]): Promise<Map<string, StoredState>>;
  /** Writes (replaces) these records. */
  putMany(updates: readonly StoredState[]): Promise<void>;
  /**
   * Claims an event id atomically: `false` the first time (go on and process it), `true` when it
   * was already claimed and has not expired (a redelivery: skip it). With `inProgressUntil` the
   * claim is "in progress" and lapses then (the invocation's deadline: a crash never loses the
   * event); `completeEvent` makes it last. Without it, the claim lasts the full claim lifetime.
   */
  claimEvent(eventId: string, inProgressUntil?: Date): Promise<boolean>;
  /** Marks a claimed event done (after its emails went out): it now lasts the full claim lifetime. */
  completeEvent(eventId: string): Promise<void>;
  /** Releases a claim, so a redelivery after a failed send is processed again. */
  releaseEvent(eventId: string): Promise<void>;
}

/** The state store could not be read or written. Always transient from the notifier's view. */
export class StateStoreError extends Error {
  override readonly name = 'StateStoreError';
  /** The store operation that failed, e.g. `getMany`. */
  readonly operation: string;
  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(`state store ${operation}: ${message}`, options);
    this.operation = operation;
  }
}
