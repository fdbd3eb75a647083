/**
 * Runs in a fresh process, bundled (see child.ts and measure-mjml.ts): the naive path with what a
 * notifier that compiles MJML per email holds loaded (mjml, Handlebars, the templates), not the
 * rest of the benchmark. Prints one JSON line (MjmlResult).
 */
import { renderer } from '../functions/core/render/prebuilt.js';
import { loadFixtures } from './fixtures.js';
import { timeMjml } from './measure-mjml.js';
import { collectNotifications } from './notifications.js';

const [, , roundsArg] = process.argv;
const notifications = collectNotifications(loadFixtures(), renderer);
process.stdout.write(`${JSON.stringify(await timeMjml(notifications, Number(roundsArg ?? 1)))}\n`);
