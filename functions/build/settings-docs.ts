/**
 * The settings tables of the docs, generated from the schemas that validate them:
 * docs/configuration.md (the notifier configuration, `functions/core/config.ts`), docs/summary.md
 * (its `summary` section) and infra/README.md
 * (the deployment configuration, `infra/lib/deploy-config.ts`, whose defaults come from
 * `infra/lib/defaults.ts`). `npm run docs:config` rewrites both blocks; a test keeps them in step.
 */
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { deployConfigSchema } from '../../infra/lib/deploy-config.js';
import { notifierConfigSchema } from '../core/config.js';
import { summaryScheduleSchema } from '../core/policy/policy-config.js';
import { writeBlock } from './doc-block.js';
import { type JsonSchema, settingsTable } from './settings-table.js';

/** Each generated block: the file, the block's name and what belongs in it. */
export const SETTINGS_DOCS = [
  { file: 'docs/configuration.md', block: 'config-settings', markdown: () => tableOf(notifierConfigSchema) },
  { file: 'docs/summary.md', block: 'summary-settings', markdown: () => tableOf(summaryScheduleSchema, 'summary.') },
  { file: 'infra/README.md', block: 'deploy-settings', markdown: () => tableOf(deployConfigSchema) },
] as const;

function tableOf(schema: z.core.$ZodType, prefix = ''): string {
  // The JSON Schema zod writes, read through the few keywords the table uses.
  return settingsTable(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, prefix);
}

/** Rewrites every block. */
export async function writeSettingsDocs(): Promise<void> {
  for (const { file, block, markdown } of SETTINGS_DOCS) await writeBlock(file, block, markdown());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await writeSettingsDocs();
