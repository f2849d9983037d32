// Run by key-creation-crash.test.ts as its own process: logs in, creates a key, and stops dead
// between the exchange's answer and the vault write. It prints `answered <kid>` at that point
// (the kid only, never the secret) and blocks until the parent's SIGKILL.
import { silentLogger } from '../../logging/logger';
import { Vault } from '../../vault/vault';
import { TEST_SCRYPT_COST } from '../../vault/tests/vault-fixture';
import { AccountKeys } from '../keys/account-keys';
import { ExchangeKeys } from '../keys/exchange-keys';
import { BarongSessions } from '../session/barong-sessions';
import type { CodeClock } from '../session/one-time-codes';

const [path, passphrase, accountId, email, password, startMs] = process.argv.slice(2);
if (path === undefined || passphrase === undefined || accountId === undefined || email === undefined || password === undefined || startMs === undefined) {
  console.error('usage: crash-creator <vault.db> <passphrase> <account id> <email> <password> <clock start ms>');
  process.exit(2);
}

const vault = Vault.open({ path, scryptCost: TEST_SCRYPT_COST });
await vault.access.unlock(passphrase);
vault.completeKeyCreation = (_pendingId, input) => {
  process.stdout.write(`answered ${input.kid}\n`);
  // Synchronous, so that nothing after the answer can run: not the vault write, not a timer.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable: the parent kills this process');
};

// The parent's sandbox runs on a frozen clock starting here; waiting for a 2FA period moves this one.
let now = Number(startMs);
const clock: CodeClock = { now: () => now, sleep: async (ms) => void (now += ms) };
const sessions = new BarongSessions({ vault, appVersion: '0.1.0-test', logger: silentLogger, clock });
const session = sessions.session(accountId);
await session.login({ email, password });
await new AccountKeys(vault, session, new ExchangeKeys(session)).create({ label: 'interrupted', scopes: ['trade'] });
console.error('the creation finished: the hook did not stop it');
process.exit(3);
