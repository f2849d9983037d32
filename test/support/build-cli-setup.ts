import { buildCli } from '../../scripts/build-cli.mjs';

// Vitest's global setup: every test run, `npm test` or `npx vitest run FILE`, runs the CLI built
// from the code as it is now, never an earlier build left in dist/.
export default async function setup(): Promise<void> {
  await buildCli();
}
