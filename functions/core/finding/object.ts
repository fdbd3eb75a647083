/** Small object helpers for building the model from finding data (attacker-controlled). */

/**
 * `{ [key]: value }`, or `{}` when `value` is undefined: spreads an optional field without writing
 * `key: undefined` (the model is built with `exactOptionalPropertyTypes`).
 *
 * @example ({ ...field('region', undefined) }) // {}
 */
export function field<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/**
 * `table[key]` for a key read from a finding: only the table's own entries count, so a key such as
 * `constructor` or `__proto__` finds nothing instead of a member of `Object.prototype`.
 *
 * @example ownValue({ low: 'LOW' }, 'constructor') // undefined
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
