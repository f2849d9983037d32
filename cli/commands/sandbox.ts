import { EXIT_FAILURE } from '../io';
import type { Command } from '../io';

export const SANDBOX_IS_DEV_TOOL = 'the sandbox is a development tool: run it from a checkout of Barong Vault with npm run sandbox.';

// The built CLI require()s it (MODULE_NOT_FOUND); the sources, run by tsx, import() it.
const isModuleNotFound = (error: unknown) => ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND'].includes(String((error as NodeJS.ErrnoException | undefined)?.code));

// The sandbox prints its own JSON line and help; it is the same program as `npm run sandbox`. The
// build keeps it out of the CLI's files (scripts/build-cli.mjs), so an installed CLI has none.
export const sandbox: Command = async (argv, io) => {
  const commandLine = await import('../../sandbox/command-line').catch((error: unknown) => {
    if (isModuleNotFound(error)) return undefined;
    throw error;
  });
  if (!commandLine) {
    io.stderr.write(`barong-vault sandbox: ${SANDBOX_IS_DEV_TOOL}\n`);
    return EXIT_FAILURE;
  }
  return commandLine.sandboxMain(argv);
};
