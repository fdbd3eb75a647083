/**
 * Runs in a fresh process, bundled (see child.ts and measure-render.ts): times the precompiled
 * render with only what a Lambda holds loaded (the renderer and the emails' notifications), not
 * the benchmark's MJML, Handlebars and esbuild, whose heap V8's concurrent GC threads would
 * otherwise mark during the timing and charge to the render's CPU time. Prints one JSON line.
 */
import { renderer } from '../functions/core/render/prebuilt.js';
import { loadFixtures } from './fixtures.js';
import { timeRenders } from './measure-render.js';
import { collectNotifications } from './notifications.js';

const [, , roundsArg] = process.argv;
const notifications = collectNotifications(loadFixtures(), renderer);
process.stdout.write(`${JSON.stringify(timeRenders(renderer, notifications, Number(roundsArg ?? 100)))}\n`);
