import { AppError } from '../app/app-error';
import { EXIT_OK } from './io';
import type { Command } from './io';

/** A command made of subcommands (`keys add`), each loaded only when called, like the commands themselves. */
export function withSubcommands(
  name: string,
  help: string,
  subcommands: Record<string, () => Promise<Command>>,
  options: { byDefault?: string } = {},
): Command {
  return async (argv, io) => {
    if (argv[0] === '--help' || argv[0] === '-h') {
      io.stdout.write(help);
      return EXIT_OK;
    }
    // `keys` and `keys --json` are `keys list ...`: the subcommand a command means when it names none.
    const named = argv[0] !== undefined && !argv[0].startsWith('-');
    const [subcommand, ...rest] = named || options.byDefault === undefined ? argv : [options.byDefault, ...argv];
    const load = subcommand === undefined ? undefined : subcommands[subcommand];
    if (!load) {
      const known = Object.keys(subcommands).join(', ');
      throw new AppError(
        'usage',
        subcommand === undefined ? `${name} needs a subcommand: ${known}.` : `Unknown subcommand "${subcommand}": ${name} takes ${known}.`,
      );
    }
    return (await load())(rest, io);
  };
}
