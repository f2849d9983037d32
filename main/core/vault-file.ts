/** The vault's file in the app's data folder; its own module so that finding it costs no import of the core. */
export const VAULT_FILE = 'vault.db';
