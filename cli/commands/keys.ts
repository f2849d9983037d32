import { withSubcommands } from '../subcommands';

export const keysHelp = `Usage: barong-vault keys [SUBCOMMAND] [options]

The vault's API keys, without the app.

Subcommands:
  list     the keys the signing agent offers to programs (the default)
  add      store a key in the vault (its secret read from standard input)
  policy   set what local programs (the signing agent) may sign with a key

Run barong-vault keys SUBCOMMAND --help for the options of each.
`;

export const keys = withSubcommands(
  'keys',
  keysHelp,
  {
    list: async () => (await import('./keys-list')).keysList,
    add: async () => (await import('./keys-add')).keysAdd,
    policy: async () => (await import('./keys-policy')).keysPolicy,
  },
  { byDefault: 'list' },
);
