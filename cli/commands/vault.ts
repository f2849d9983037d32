import { withSubcommands } from '../subcommands';

export const vaultHelp = `Usage: barong-vault vault SUBCOMMAND [options]

The vault file itself, without the app: for a server where the signing agent runs.

Subcommands:
  create   create a vault unlocked by a passphrase
  import   import a backup made by the app (a .barongvault file)

Run barong-vault vault SUBCOMMAND --help for the options of each.
`;

export const vault = withSubcommands('vault', vaultHelp, {
  create: async () => (await import('./vault-create')).vaultCreate,
  import: async () => (await import('./vault-import')).vaultImport,
});
