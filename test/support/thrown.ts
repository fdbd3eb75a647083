/** The error a call throws, checked to be of the expected class; anything else fails the test. */

/**
 * Runs `run` and returns what it threw when that is a `type`; rethrows any other error, and fails
 * when nothing was thrown.
 *
 * @example expect(thrown(InvalidEventError, () => decodeInput(json, 'in.json')).path).toBe('source');
 */
export function thrown<E extends Error>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected ${type.name}, nothing was thrown`);
}
