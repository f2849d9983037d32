#!/usr/bin/env node
// Runs the TypeScript CLI straight from a checkout: tsx compiles it on the fly, so `npm ci`
// is the only set-up.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
