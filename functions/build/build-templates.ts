/**
 * `npm run build:templates`: compiles `templates/` and writes the module the Lambda imports,
 * `functions/core/render/generated/templates.ts` (git-ignored). On a broken template it prints one
 * line `file:line: message` and exits with 1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TemplateError } from '../core/errors.js';
import { compileTemplateProgram } from './compile-templates.js';
import { templatesModule } from './templates-module.js';

const OUT = 'functions/core/render/generated/templates.ts';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? 'templates';
  const out = process.argv[3] ?? OUT;
  try {
    const program = await compileTemplateProgram(dir);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, templatesModule(program));
    process.stdout.write(`templates: wrote ${out}\n`);
  } catch (error) {
    const message = error instanceof TemplateError ? error.message : `${dir}: ${(error as Error).message}`;
    process.stderr.write(`${message.replace(/\s+/g, ' ').trim()}\n`);
    process.exitCode = 1;
  }
}

await main();
