import { AppError } from '../app/app-error';
import { EXIT_OK } from './io';
import type { Command } from './io';

/** A command made of subcommands (`keys add`), each loaded only when called, like the commands themselves. */
export function withSubcommands(name: string, help: string, subcommands: Record<string, () => Promise<Command>>): Command {
  return async (argv, io) => {
    const [subcommand, ...rest] = argv;
    if (subcommand === '--help' || subcommand === '-h') {
      io.stdout.write(help);
      return EXIT_OK;
    }
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
