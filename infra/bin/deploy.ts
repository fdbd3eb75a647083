/**
 * `npm run deploy [-- CDK_OPTIONS]`: the prerequisites first (`npm run preflight`, one line per
 * check; `--skip-preflight` skips them), then `cdk deploy` with the same options, writing the stack
 * outputs to cdk-outputs.json for `npm run smoke`.
 */
import { spawnSync } from 'node:child_process';
import { preflight } from '../preflight/cli.js';

const args = process.argv.slice(2).filter((arg) => arg !== '--skip-preflight');
if (!process.argv.includes('--skip-preflight') && !(await preflight(args, (line) => console.log(line)))) {
  console.log('error deploy: a prerequisite is missing (above); fix it, or run again with --skip-preflight');
  process.exit(1);
}
const outputs = args.some((arg) => arg.startsWith('--outputs-file')) ? [] : ['--outputs-file', 'cdk-outputs.json'];
const cdk = spawnSync('npx', ['cdk', 'deploy', ...args, ...outputs], { stdio: 'inherit' });
process.exit(cdk.status ?? 1);
