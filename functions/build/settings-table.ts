/**
 * A markdown table of settings (setting, meaning, default) from a zod schema's JSON Schema
 * (`z.toJSONSchema(schema, { io: 'input' })`): one row per setting, its meaning from the schema's
 * descriptions, its allowed values and default from the schema itself, so the docs cannot drift
 * from what the parser accepts. A discriminated union (`oneOf` of objects sharing a `const`
 * property) is one table: a setting required by some options says which.
 */

/** The part of JSON Schema (draft 2020-12) that zod writes and the table reads. */
export interface JsonSchema {
  readonly description?: string;
  readonly default?: unknown;
  readonly type?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
}

interface Row {
  readonly path: string;
  readonly meaning: string;
  readonly default?: unknown;
  /** The discriminator values of the options that require it (every option: required). */
  readonly requiredBy: readonly string[];
  readonly values: readonly unknown[];
  /** The values are those of a list's elements: any of them, not one. */
  readonly list?: boolean;
  /** A group of settings (an object), listed for its meaning; its default is its settings'. */
  readonly section?: boolean;
}

/**
 * `prefix` goes before every setting (`summary.` for a section documented on its own page).
 *
 * @example settingsTable(z.toJSONSchema(configSchema, { io: 'input' }) as JsonSchema)
 * // '| setting | meaning | default |\n| --- | --- | --- |\n| `transport` | How emails are sent ... | `file` |...'
 */
export function settingsTable(schema: JsonSchema, prefix = ''): string {
  const defs = schema.$defs ?? {};
  const root = schema.$ref ? (defs[defName(schema.$ref)] ?? {}) : schema;
  const options = root.oneOf ?? [root];
  const discriminator = options.length > 1 ? discriminatorOf(options) : undefined;
  const rows = new Map<string, Row>();
  for (const option of options) {
    const tag = discriminator ? String(option.properties?.[discriminator]?.const) : '';
    for (const row of walk(option, prefix, defs, tag)) rows.set(row.path, merge(rows.get(row.path), row));
  }
  const lines = [...rows.values()].map((row) => {
    const requiredByAll = row.requiredBy.length === options.length;
    return `| \`${row.path}\` | ${cell(row.meaning + allowed(row))} | ${cell(defaultText(row, requiredByAll, discriminator))} |`;
  });
  return ['| setting | meaning | default |', '| --- | --- | --- |', ...lines].join('\n');
}

/** The property every option gives a `const` to. */
function discriminatorOf(options: readonly JsonSchema[]): string | undefined {
  const [first, ...rest] = options;
  return Object.keys(first?.properties ?? {}).find((key) =>
    [first, ...rest].every((option) => option?.properties?.[key]?.const !== undefined),
  );
}

/** Rows for the properties of an object schema, depth first; a `$ref` is one row (its definition is documented where it links). */
function walk(schema: JsonSchema, prefix: string, defs: Readonly<Record<string, JsonSchema>>, tag: string): Row[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const path = `${prefix}${key}`;
    const required = schema.required?.includes(key) ? [tag] : [];
    const target = property.$ref ? defs[defName(property.$ref)] : undefined;
    const meaning = property.description ?? target?.description ?? '';
    const values = property.const !== undefined ? [property.const] : (property.enum ?? property.items?.enum ?? []);
    const list = property.enum === undefined && property.items?.enum !== undefined;
    const row: Row = { path, meaning: meaning + range(property), requiredBy: required, values, list, default: property.default };
    if (property.properties)
      return [...(property.description ? [{ ...row, section: true }] : []), ...walk(property, `${path}.`, defs, tag)];
    if (property.items?.properties) return [row, ...walk(property.items, `${path}[].`, defs, tag)];
    return [row];
  });
}

/** `#/$defs/matcher` -> `matcher`. */
function defName(ref: string): string {
  return ref.replace('#/$defs/', '');
}

/** One setting as several options of a union declare it: the values, defaults and requirements together. */
function merge(seen: Row | undefined, row: Row): Row {
  if (!seen) return row;
  return {
    ...seen,
    meaning: seen.meaning || row.meaning,
    requiredBy: [...seen.requiredBy, ...row.requiredBy],
    values: [...new Set([...seen.values, ...row.values])],
    ...(seen.default === undefined && row.default !== undefined ? { default: row.default } : {}),
  };
}

function allowed({ values, list }: Row): string {
  return values.length > 1 ? ` ${list ? 'Any' : 'One'} of ${values.map(code).join(', ')}.` : '';
}

/** A number's bounds, when they say something (zod writes the safe-integer bounds for every `int`). */
function range(schema: JsonSchema): string {
  const { minimum, maximum } = schema;
  if (minimum === undefined || maximum === undefined || maximum >= Number.MAX_SAFE_INTEGER) return '';
  return ` From ${minimum} to ${maximum}.`;
}

function defaultText(row: Row, requiredByAll: boolean, discriminator: string | undefined): string {
  if (row.section && row.default !== undefined) return '';
  if (row.default !== undefined) return formatDefault(row.default);
  if (requiredByAll) return 'required';
  if (row.requiredBy.length > 0) return `required when \`${discriminator}\` is ${row.requiredBy.map(code).join(' or ')}`;
  return 'none';
}

function formatDefault(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '`[]`' : value.map(code).join(', ');
  if (typeof value === 'object' && value !== null) return `\`${JSON.stringify(value)}\``;
  return code(value);
}

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** A table cell: one line, no column breaks. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
