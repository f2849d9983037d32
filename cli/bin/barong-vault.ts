#!/usr/bin/env node
// The entry of the built program (scripts/build-cli.mjs writes it to dist/cli/barong-vault.js).
// The boundary rule reads import paths: this '../main' is cli/main.ts, not the app's main/.
// eslint-disable-next-line no-restricted-imports
import { main } from '../main';

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  // Node builds process.stdin when it is first read, which takes milliseconds of a start that is
  // timed (npm run bench): only a command that reads its input pays for it.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
});
