/** The dedup state stores: DynamoDB (Lambda), JSON file (replay `--state DIR`), memory (tests). */

export { eventPk, findingPk } from './dynamodb-item.js';
export { createDynamoStateStore, type DynamoStoreOptions } from './dynamodb-store.js';
export { withFallback } from './fallback.js';
export { createFileStateStore, STATE_FILE } from './file-store.js';
export { createMemoryStateStore, type MemoryStateStore, type StateSnapshot, type StoreOptions } from './memory-store.js';
