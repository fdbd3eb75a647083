/**
 * Builds the bundles the benchmark loads: the Lambda handler as deployed, and for comparison an
 * entry that compiles the MJML finding template with mjml on load (what a notifier without a
 * template build step would ship). Output goes to bench-results/bundles/.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE_OPTIONS } from './bundle-options.js';
import { HANDLER_ENTRY, OUT_DIR, TEMPLATES_DIR } from './paths.js';

export interface BuiltBundle {
  /** The JavaScript file a process imports. */
  readonly file: string;
  /** Bytes of the JavaScript only (not the source map). */
  readonly bytes: number;
  /** False when the entry could not be bundled and loads its packages from node_modules instead. */
  readonly bundled: boolean;
  readonly note?: string;
}

const BUNDLE_DIR = `${OUT_DIR}/bundles`;

/** Builds functions/handler.ts exactly as the CDK construct does and reports its size. */
export async function buildHandlerBundle(): Promise<BuiltBundle> {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const outfile = `${BUNDLE_DIR}/handler.cjs`;
  await build({ ...LAMBDA_BUNDLE_OPTIONS, entryPoints: [HANDLER_ENTRY], outfile });
  return { file: outfile, bytes: statSync(outfile).size, bundled: true };
}

/**
 * Builds the SDK floor (sdk-floor-entry.ts): the SNS client the handler sends with, and nothing
 * else, with the same options. What loading it costs, any SDK-based notifier pays.
 */
export async function buildSdkFloorBundle(): Promise<BuiltBundle> {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const outfile = `${BUNDLE_DIR}/sdk-floor.cjs`;
  await build({ ...LAMBDA_BUNDLE_OPTIONS, entryPoints: [fileURLToPath(new URL('./sdk-floor-entry.ts', import.meta.url))], outfile });
  return { file: outfile, bytes: statSync(outfile).size, bundled: true };
}

/**
 * Writes an entry that compiles templates/finding.mjml with mjml when it is loaded, and bundles
 * it with the same options. When mjml does not bundle, the unbundled entry is used and loads
 * mjml from node_modules (said in `note`).
 */
export async function buildMjmlRuntimeBundle(): Promise<BuiltBundle> {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const source = readFileSync(`${TEMPLATES_DIR}/finding.mjml`, 'utf8');
  const entry = `${BUNDLE_DIR}/mjml-runtime-entry.cjs`;
  const options = { validationLevel: 'soft', ignoreIncludes: false, filePath: `${TEMPLATES_DIR}/finding.mjml` };
  writeFileSync(
    entry,
    [
      "const mjml2html = require('mjml');",
      '// CommonJS cannot await at load: the loader awaits `ready` (see measure-import.ts).',
      `exports.ready = Promise.resolve(mjml2html(${JSON.stringify(source)}, ${JSON.stringify(options)})).then((r) => r.html);`,
      '',
    ].join('\n'),
  );
  const outfile = `${BUNDLE_DIR}/mjml-runtime.cjs`;
  try {
    await build({ ...LAMBDA_BUNDLE_OPTIONS, entryPoints: [entry], outfile });
    return { file: outfile, bytes: statSync(outfile).size, bundled: true };
  } catch (error) {
    const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(error);
    return { file: entry, bytes: Number.NaN, bundled: false, note: `mjml did not bundle (${first}); loaded from node_modules` };
  }
}
