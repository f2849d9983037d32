// Run by crash-safety.test.ts and passphrase-change-rotation.test.ts as its own process, until it is killed.
//   crash-writer <vault.db> <passphrase>: imports keys, printing `ack <kid> <secret>` after each import returned.
//   crash-writer <vault.db> <passphrase> <other passphrase>: changes the passphrase back and forth,
//   printing `ack <passphrase now>` after each change returned.
import { Vault } from '../vault';
import { newKid, newSecret, TEST_SCRYPT_COST } from './vault-fixture';

const [path, passphrase, otherPassphrase] = process.argv.slice(2);
if (path === undefined || passphrase === undefined) {
  console.error('usage: crash-writer <vault.db> <passphrase> [<other passphrase>]');
  process.exit(2);
}
const vault = Vault.open({ path, scryptCost: TEST_SCRYPT_COST });
await vault.access.unlock(passphrase);
const account = vault.listAccounts()[0];
if (!account) throw new Error('The vault has no account to import keys into.');

// Lets the event loop turn between writes, so that output and signals are handled as they come.
const turn = () => new Promise((resolve) => setImmediate(resolve));

if (otherPassphrase === undefined) {
  for (;;) {
    const input = { accountId: account.id, kid: newKid(), secret: newSecret() };
    vault.importKey(input);
    process.stdout.write(`ack ${input.kid} ${input.secret}\n`);
    await turn();
  }
} else {
  let [current, next] = [passphrase, otherPassphrase];
  for (;;) {
    await vault.access.setPassphrase(current, next);
    [current, next] = [next, current];
    process.stdout.write(`ack ${current}\n`);
    await turn();
  }
}
