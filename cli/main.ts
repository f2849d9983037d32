import { isAppError } from '../app/app-error';
import { exitCodeOf } from '../app/errors/codes';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';
import type { CliIo, Command } from './io';
import { cliVersion } from './version';

// Loaded on demand so that `sign` does not pay for starting the sandbox's modules.
const COMMANDS: Record<string, () => Promise<Command>> = {
  sign: async () => (await import('./commands/sign')).sign,
  time: async () => (await import('./commands/time')).time,
  vault: async () => (await import('./commands/vault')).vault,
  keys: async () => (await import('./commands/keys')).keys,
  agent: async () => (await import('./commands/agent')).agent,
  exec: async () => (await import('./commands/exec')).exec,
  proxy: async () => (await import('./commands/proxy')).proxy,
  sandbox: async () => (await import('./commands/sandbox')).sandbox,
};

export const mainHelp = `Usage: barong-vault COMMAND [options]

Signs requests for exchanges that run Barong (OpenDAX / Peatio).

Commands:
  sign      sign a request and print a ready-to-run command or the headers
  time      measure the exchange's clock offset
  vault     create a vault, or import a backup into one, without the app
  keys      list the keys the signing agent offers; add a key to the vault, or set
            what local programs may sign with it
  agent     run the signing agent without the app (a server), or print where it is
  exec      run a program that asks the signing agent, with no secret
  proxy     a local signing proxy for one key: any HTTP client, no signing code
  sandbox   run a Barong-compatible server on this computer, for tests and demos
            (a development tool: in a checkout only)

Run barong-vault COMMAND --help for the options of each, and barong-vault --version
for the version.

Exit codes: 0 done, 1 failed on this computer, 2 usage or input to fix, 3 locked or not
allowed, 4 the exchange could not be reached, 5 the exchange refused.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version') {
    io.stdout.write(`${cliVersion}\n`);
    return EXIT_OK;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`barong-vault: unknown command "${name}"\n\n${mainHelp}`);
    return EXIT_USAGE;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    // Errors are shown as one line for the person at the terminal; a stack trace helps no trader.
    if (isAppError(error)) {
      // The exit code says whose move it is (app/errors/codes.ts); the help line only when it is the caller's.
      const exit = exitCodeOf(error.code);
      io.stderr.write(`barong-vault ${name}: ${error.message}\n${exit === EXIT_USAGE ? `Run barong-vault ${name} --help for the options.\n` : ''}`);
      return exit;
    }
    io.stderr.write(`barong-vault ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
