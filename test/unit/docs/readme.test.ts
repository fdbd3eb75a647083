import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBlock } from '../../../functions/build/doc-block.js';
import { SETTINGS_DOCS } from '../../../functions/build/settings-docs.js';
import { TEMPLATE_VARIABLES_BLOCK, templateVariablesMarkdown } from '../../../functions/build/template-variables.js';
import { parseConfig } from '../../../functions/core/config.js';
import { DEPLOY_DEFAULTS } from '../../../infra/lib/defaults.js';
import { REPO_ROOT } from '../../support/fixtures.js';

const read = (file: string) => readFile(join(REPO_ROOT, file), 'utf8');

/** Relative link targets of a markdown file, without their `#anchor`. */
function localLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].flatMap(([, target]) =>
    target && !/^[a-z]+:/.test(target) ? [target] : [],
  );
}

describe('README', () => {
  it('is a short front door (at most 12,000 bytes) with the two quick-start commands', async () => {
    const readme = await read('README.md');

    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12_000);
    expect(readme).toContain('npm ci && npm run replay -- fixtures');
    expect(readme).toContain('npm ci && npm test');
  });

  it('and the reference pages in docs/ link only to files that exist', async () => {
    const docs = (await readdir(join(REPO_ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
    const files = ['README.md', ...docs];
    const links = (
      await Promise.all(files.map(async (file) => localLinks(await read(file)).map((link) => join(dirname(file), link))))
    ).flat();

    expect(docs.length).toBeGreaterThanOrEqual(6);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !existsSync(join(REPO_ROOT, link)))).toEqual([]);
  });
});

describe('docs/templates.md', () => {
  it('lists exactly the template variables the view models declare (npm run docs:templates)', async () => {
    const block = readBlock(await read('docs/templates.md'), TEMPLATE_VARIABLES_BLOCK);

    expect(block).toBe(templateVariablesMarkdown().trim());
    expect(block).toContain('`finding.reasons[] { code, description }`');
  });
});

/** A markdown table without its column padding (biome pads the tables of infra/README.md). */
const unpadded = (table: string) => table.replace(/ +\|/g, ' |').replace(/\| +/g, '| ').replace(/-{3,}/g, '---');

describe('the settings tables (npm run docs:config)', () => {
  it.each(SETTINGS_DOCS.map((doc) => [doc.file, doc] as const))('%s lists exactly the settings its schema accepts', async (file, doc) => {
    const block = readBlock(await read(file), doc.block);

    expect(unpadded(block)).toBe(unpadded(doc.markdown().trim()));
  });

  it('carry the defaults the parsers fill in and the deploy defaults the construct falls back to', async () => {
    const table = async (file: string) =>
      unpadded(readBlock(await read(file), SETTINGS_DOCS.find((doc) => doc.file === file)?.block ?? ''));
    const [notifier, deploy] = await Promise.all([table('docs/configuration.md'), table('infra/README.md')]);
    /** The default column of a setting's row. */
    const defaultOf = (table: string, setting: string) =>
      table
        .split('\n')
        .find((line) => line.startsWith(`| \`${setting}\` |`))
        ?.split(' | ')
        .at(-1)
        ?.replace(/ \|$/, '');

    expect(defaultOf(notifier, 'transport')).toBe('`file`');
    expect(defaultOf(notifier, 'ses')).toBe('required when `transport` is `ses`');
    expect(defaultOf(notifier, 'policy.window.groupWaitSeconds')).toBe('`30`');
    expect(defaultOf(deploy, 'notifiers[].function.memorySize')).toBe(`\`${DEPLOY_DEFAULTS.function.memorySize}\``);
    expect(defaultOf(deploy, 'notifiers[].queue.maxConcurrency')).toBe(`\`${DEPLOY_DEFAULTS.queue.maxConcurrency}\``);
    expect(defaultOf(deploy, 'notifiers[].alarms.oldestMessageAgeSeconds')).toBe(`\`${DEPLOY_DEFAULTS.alarms.oldestMessageAgeSeconds}\``);
  });

  it('and the picture in infra/README.md draws the deploy defaults', async () => {
    const readme = await read('infra/README.md');
    const { queue, function: fn, alarms } = DEPLOY_DEFAULTS;

    for (const drawn of [
      `batch ${queue.batchSize}, window ${queue.maxBatchingWindowSeconds} s, max concurrency ${queue.maxConcurrency}`,
      `after ${queue.maxReceiveCount} receives`,
      `${fn.memorySize} MB, ${fn.timeoutSeconds} s`,
      `log group ${fn.logRetentionDays} d`,
      `older than ${alarms.oldestMessageAgeSeconds / 60} min`,
    ]) {
      expect(readme).toContain(drawn);
    }
  });

  it('and the trade-off table of docs/windows.md shows the defaults the schemas fill in', async () => {
    const doc = await read('docs/windows.md');
    const { window, digest, dedup } = parseConfig({}).policy;

    for (const [setting, value] of [
      ['`window.groupWaitSeconds`', String(window.groupWaitSeconds)],
      ['`window.severityWaitSeconds`', `\`${JSON.stringify(window.severityWaitSeconds)}\``],
      ['`window.groupIntervalSeconds`', String(window.groupIntervalSeconds)],
      ['`digest.groupBy`', digest.groupBy.map((field) => `\`${field}\``).join(', ')],
      ['`digest.threshold`', String(digest.threshold)],
      ['`dedup.repeatAfterHours`', `${dedup.repeatAfterHours} (off)`],
      ['queue `maxBatchingWindowSeconds`', String(DEPLOY_DEFAULTS.queue.maxBatchingWindowSeconds)],
    ]) {
      expect(doc).toContain(`| ${setting} | ${value} |`);
    }
  });
});

describe('docs/ARCHITECTURE.md', () => {
  it('names only folders and files that exist, so a newcomer finds each stage where the picture says', async () => {
    const doc = await read('docs/ARCHITECTURE.md');
    // Backticked paths: `core/…`, `notifier/…`, `adapters/…` are under functions/; the others under the root.
    const paths = [...doc.matchAll(/`((?:core|notifier|adapters|functions|infra|test|templates)\/[\w./-]*)`/g)].map(([, p]) =>
      /^(core|notifier|adapters)\//.test(p ?? '') ? `functions/${p}` : (p ?? ''),
    );

    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !existsSync(join(REPO_ROOT, p)))).toEqual([]);
  });
});
