// Run by crash-safety.test.ts as its own process: imports keys into a vault until it is killed,
// printing `ack <kid> <secret>` after each import has returned, i.e. after the vault said "stored".
import { Vault } from '../vault';
import { newKid, newSecret, TEST_SCRYPT_COST } from './vault-fixture';

const [path, passphrase] = process.argv.slice(2);
if (path === undefined || passphrase === undefined) {
  console.error('usage: crash-writer <vault.db> <passphrase>');
  process.exit(2);
}
const vault = Vault.open({ path, scryptCost: TEST_SCRYPT_COST });
await vault.access.unlock(passphrase);
const account = vault.listAccounts()[0];
if (!account) throw new Error('The vault has no account to import keys into.');

for (;;) {
  const input = { accountId: account.id, kid: newKid(), secret: newSecret() };
  vault.importKey(input);
  process.stdout.write(`ack ${input.kid} ${input.secret}\n`);
  // Lets the event loop turn between writes, so that output and signals are handled as they come.
  await new Promise((resolve) => setImmediate(resolve));
}
