#!/usr/bin/env node
// The entry of the built program (scripts/build-cli.mjs writes it to dist/cli/barong-vault.js).
// The boundary rule reads import paths: this '../main' is cli/main.ts, not the app's main/.
// eslint-disable-next-line no-restricted-imports
import { main } from '../main';

// A CommonJS bundle has no top-level await (scripts/build-cli.mjs says why CommonJS).
void main(process.argv.slice(2), {
  env: process.env,
  // Node builds each of these streams when it is first read, which takes milliseconds of a start
  // that is timed (npm run bench): a command pays only for the ones it uses.
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
}).then((code) => {
  process.exitCode = code;
});
