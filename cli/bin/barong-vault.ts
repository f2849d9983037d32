#!/usr/bin/env node
// The entry of the built program (scripts/build-cli.mjs writes it to dist/cli/barong-vault.js).
// The boundary rule reads import paths: this '../main' is cli/main.ts, not the app's main/.
// eslint-disable-next-line no-restricted-imports
import { main } from '../main';

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
