/**
 * `npm run build:templates`: compiles `templates/` and writes the modules the Lambdas import into
 * `functions/core/render/generated/` (git-ignored): one per email family (`alert.ts`, `summary.ts`)
 * and `templates.ts`, which joins them. On a broken template it prints one line `file:line: message`
 * and exits with 1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TemplateError } from '../core/errors.js';
import { compileTemplatePrograms } from './compile-templates.js';
import { familyModule, joinedModule } from './templates-module.js';

const OUT = 'functions/core/render/generated';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? 'templates';
  const out = process.argv[3] ?? OUT;
  try {
    const programs = await compileTemplatePrograms(dir);
    await mkdir(out, { recursive: true });
    for (const [family, program] of Object.entries(programs)) {
      await writeFile(join(out, `${family}.ts`), familyModule(family as keyof typeof programs, program));
    }
    await writeFile(join(out, 'templates.ts'), joinedModule());
    process.stdout.write(`templates: wrote ${[...Object.keys(programs), 'templates'].map((name) => join(out, `${name}.ts`)).join(', ')}\n`);
  } catch (error) {
    const message = error instanceof TemplateError ? error.message : `${dir}: ${(error as Error).message}`;
    process.stderr.write(`${message.replace(/\s+/g, ' ').trim()}\n`);
    process.exitCode = 1;
  }
}

await main();
