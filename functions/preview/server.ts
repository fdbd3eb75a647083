/**
 * `npm run preview [-- options]`: the gallery server, or with `--screenshots DIR` a one-off run
 * that writes a PNG per email and viewport. See `USAGE` in args.ts.
 */
import { parseConfig } from '../core/config.js';
import { createPipeline } from '../core/pipeline/pipeline.js';
import { parsePreviewArgs, USAGE } from './args.js';
import { launchChromium } from './chromium.js';
import { buildGallery, messageOf } from './gallery.js';
import { startPreview } from './preview-server.js';
import { takeScreenshots } from './screenshots.js';
import { createTemplateBuilder } from './template-builder.js';

async function main(argv: readonly string[]): Promise<number> {
  const args = parsePreviewArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  // Default filters on purpose: the gallery shows what they skip, and why.
  const config = parseConfig(args.config, 'preview');
  const log = (line: string) => console.error(line);

  if (args.screenshotsDir !== undefined) {
    const builder = createTemplateBuilder(args.templatesDir, log);
    const state = await builder.rebuild();
    if (!state.ok) return 1;
    const gallery = await buildGallery(createPipeline(config, state.renderer), args.fixtures);
    const browser = await launchChromium();
    try {
      const files = await takeScreenshots(browser, gallery, args.screenshotsDir);
      console.log(`Screenshots: ${files.length} PNGs in ${args.screenshotsDir}`);
    } finally {
      await browser.close();
    }
    return 0;
  }

  const preview = await startPreview({ port: args.port, templatesDir: args.templatesDir, fixtures: args.fixtures, config, log });
  console.log(`Preview: ${preview.url}`);
  const stop = () => {
    preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(messageOf(error));
    process.exitCode = 1;
  },
);
