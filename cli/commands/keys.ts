import { withSubcommands } from '../subcommands';

export const keysHelp = `Usage: barong-vault keys SUBCOMMAND [options]

The vault's API keys, without the app.

Subcommands:
  add      store a key in the vault (its secret read from standard input)
  policy   set what local programs (the signing agent) may sign with a key

Run barong-vault keys SUBCOMMAND --help for the options of each.
`;

// `keys list` (and `keys` alone) will list the keys open to local programs, asked of the signing agent.
export const keys = withSubcommands('keys', keysHelp, {
  add: async () => (await import('./keys-add')).keysAdd,
  policy: async () => (await import('./keys-policy')).keysPolicy,
});
