import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_POLICY, policyForLevel } from '../../app/domain/agent-policy';
import { exportBackup } from '../../main/vault/backup/vault-backup';
import { DEFAULT_SCRYPT_COST } from '../../main/vault/crypto/passphrase-kdf';
import { FakeKeychain } from '../../main/vault/tests/fake-keychain';
import { withRawDatabase } from '../../main/vault/tests/raw-database';
import { newKid, newSecret, randomHex, TEST_SCRYPT_COST } from '../../main/vault/tests/vault-fixture';
import { Vault } from '../../main/vault/vault';
import { runCli } from '../support/run-cli';
import type { ProcessResult } from '../support/run-process';

// Distinctive values, new for every run: none of them may ever be printed.
const PASSPHRASE = `vault passphrase ${randomHex(8)}`;
const BACKUP_PASSPHRASE = `backup passphrase ${randomHex(8)}`;
const SECRET = newSecret();
const KID = newKid();
const NEVER_PRINTED = [PASSPHRASE, BACKUP_PASSPHRASE, SECRET, 'a guess at the passphrase'];
const NONCE = '1767225600000';
const EXCHANGE = 'https://exchange.example';

const runs: ProcessResult[] = [];
afterEach(() => {
  const printed = runs.splice(0).map((run) => run.stdout + run.stderr);
  for (const value of NEVER_PRINTED) expect(printed.filter((text) => text.includes(value))).toEqual([]);
});

/** The real program, given its standard input one value per line; each run's output is searched for secrets after the test. */
async function cli(args: string[], lines: string[] = []): Promise<ProcessResult> {
  const run = await runCli(args, { stdin: lines.map((line) => `${line}\n`).join('') });
  runs.push(run);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return run;
}

/** A usage or refusal: one line saying why (and, for usage, where the help is), nothing on stdout. */
function expectRefused(run: ProcessResult, exit: number, words: string): void {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: exit, stdout: '' });
  const [line, ...rest] = run.stderr.trimEnd().split('\n');
  expect(line).toContain(words);
  expect(rest.filter((extra) => !extra.startsWith('Run barong-vault '))).toEqual([]);
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'barong-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens a vault file the way the app does, at the tests' low scrypt cost: what the CLI wrote, or what it is about to read. */
async function openVault(path: string, options: { keychain?: FakeKeychain } = {}): Promise<Vault> {
  const vault = Vault.open({ path, scryptCost: TEST_SCRYPT_COST, ...options });
  onTestFinished(() => vault.close());
  return vault;
}

/** A vault made by the app (passphrase wrap at the low test cost, so that each CLI unlock is quick), closed for the CLI to open. */
async function appVault(fill: (vault: Vault) => void = () => undefined): Promise<string> {
  const path = join(tempDir(), 'vault.db');
  const vault = Vault.open({ path, scryptCost: TEST_SCRYPT_COST });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
  fill(vault);
  vault.close();
  return path;
}

async function unlocked(path: string): Promise<Vault> {
  const vault = await openVault(path);
  await vault.access.unlock(PASSPHRASE);
  return vault;
}

const hmac = (secret: string, kid: string) =>
  createHmac('sha256', secret)
    .update(NONCE + kid)
    .digest('hex');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const addKey = (path: string, flags: string[], lines = [PASSPHRASE, SECRET]) => cli(['keys', 'add', '--vault', path, ...flags], lines);
const MAIN_KEY = ['--account', 'Main', '--base', EXCHANGE, '--kid', KID];

describe('barong-vault vault create', () => {
  it("creates a vault unlocked by the passphrase, wrapped at the app's own scrypt cost", async () => {
    const path = join(tempDir(), 'server', 'vault.db');
    const run = await cli(['vault', 'create', '--vault', path], [PASSPHRASE, PASSPHRASE]);
    expect(run).toMatchObject({ code: 0, stdout: `Created a vault at ${path}, unlocked by its passphrase.\n`, stderr: '' });

    const params = withRawDatabase(path, (db) => JSON.parse(db.prepare("SELECT params FROM key_wraps WHERE kind = 'passphrase'").pluck().get() as string));
    expect(params).toMatchObject(DEFAULT_SCRYPT_COST);
    const vault = await openVault(path);
    await vault.access.unlock(PASSPHRASE);
    expect(vault.status()).toMatchObject({ setUp: true, unlocked: true, passphrase: true, keychain: null });
  });

  it('never replaces a vault that exists, and changes nothing of it', async () => {
    const path = await appVault();
    const before = sha256(path);
    expectRefused(await cli(['vault', 'create', '--vault', path], [PASSPHRASE, PASSPHRASE]), 2, `A vault already exists at ${path}: nothing was changed.`);
    expect(sha256(path)).toBe(before);
  });

  it.each([
    ['two passphrases that differ', [PASSPHRASE, `${PASSPHRASE}!`], 'The two new vault passphrases differ: nothing was created.'],
    ['one passphrase only', [PASSPHRASE], 'No new vault passphrase again on standard input'],
    ['a passphrase too short', ['short', 'short'], 'The passphrase: Use a passphrase of at least 8 characters.'],
  ])('refuses %s, leaving no file behind', async (_what, lines, words) => {
    const path = join(tempDir(), 'vault.db');
    expectRefused(await cli(['vault', 'create', '--vault', path], lines), 2, words);
    expect(existsSync(path)).toBe(false);
  });
});

describe('barong-vault keys add', () => {
  it('creates the account, stores the key sealed in the vault, and opens it to local programs at the level asked', async () => {
    const path = await appVault();
    const run = await addKey(path, [...MAIN_KEY, '--label', 'bot', '--policy', 'trade']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `Created the account "Main" for ${EXCHANGE}.\nStored the key "bot" of account "Main", open to local programs: Trade: read, and create and cancel orders, up to 6000 requests in 300 s.\n`,
    );

    const vault = await unlocked(path);
    const [key] = vault.agentKeys();
    expect(key).toMatchObject({ label: 'bot', kid: KID, account: { name: 'Main', baseUrl: EXCHANGE }, policy: policyForLevel('trade') });
    expect(vault.sign(key?.keyId ?? '', NONCE, EXCHANGE)['X-Auth-Signature']).toBe(hmac(SECRET, KID));
    expect(readFileSync(path).includes(SECRET)).toBe(false);
  });

  it('adds to the account of that name at the same exchange, however its URL is written, and leaves a key closed without --policy', async () => {
    const path = await appVault();
    expect((await addKey(path, MAIN_KEY)).code).toBe(0);
    const second = { kid: newKid(), secret: newSecret() };
    const run = await addKey(path, ['--account', 'Main', '--base', 'https://EXCHANGE.example:443/', '--kid', second.kid], [PASSPHRASE, second.secret]);
    expect(run).toMatchObject({ code: 0, stdout: `Stored the key "${second.kid}" of account "Main", closed to local programs.\n` });

    const vault = await unlocked(path);
    expect(vault.listAccounts()).toHaveLength(1);
    expect(vault.agentKeys().map((key) => [key.kid, key.policy])).toEqual([
      [KID, DEFAULT_POLICY],
      [second.kid, DEFAULT_POLICY],
    ]);
  });

  it('warns about an unusual key shape on stderr, without quoting the secret', async () => {
    const path = await appVault();
    const run = await addKey(path, MAIN_KEY, [PASSPHRASE, `${SECRET}XY`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('warning: The secret is not 32 hex characters, as current Barong servers issue; check that it was copied whole.\n');
    expect(run.stderr + run.stdout).not.toContain(`${SECRET}XY`);
  });

  it.each([
    ['a plain http base URL', ['--account', 'Main', '--base', 'http://exchange.example', '--kid', KID], 'must start with https://'],
    ['a base URL that is no URL', ['--account', 'Main', '--base', 'exchange', '--kid', KID], 'is not a URL'],
    ['no --kid', ['--account', 'Main', '--base', EXCHANGE], 'keys add needs --kid KID.'],
    ['no --account', ['--base', EXCHANGE, '--kid', KID], 'keys add needs --account NAME.'],
    ['a kid with a space', ['--account', 'Main', '--base', EXCHANGE, '--kid', 'not a kid'], 'printable ASCII'],
    ['an unknown level', [...MAIN_KEY, '--policy', 'withdraw'], '--policy takes read, trade, all, not "withdraw".'],
    ['the secret on the command line', [...MAIN_KEY, '--secret', SECRET], 'Unknown option'],
  ])('refuses %s before reading anything, writing nothing', async (_what, flags, words) => {
    const path = await appVault();
    const before = sha256(path);
    expectRefused(await addKey(path, flags), 2, words);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a wrong passphrase, an account of that name at another exchange, a kid already there and a bad secret, adding nothing', async () => {
    const path = await appVault();
    expectRefused(await addKey(path, MAIN_KEY, ['a guess at the passphrase', SECRET]), 3, 'Wrong passphrase');
    expect((await addKey(path, MAIN_KEY)).code).toBe(0);
    expectRefused(
      await addKey(path, ['--account', 'Main', '--base', 'https://elsewhere.example', '--kid', newKid()]),
      2,
      `The account "Main" signs for ${EXCHANGE}, not https://elsewhere.example`,
    );
    expectRefused(await addKey(path, MAIN_KEY, [PASSPHRASE, newSecret()]), 2, `This account already has a key with the id ${KID}.`);
    // The account and the key are written together: a refused secret leaves no new account behind.
    expectRefused(
      await addKey(path, ['--account', 'Other', '--base', 'https://other.example', '--kid', newKid()], [PASSPHRASE, 'two words']),
      2,
      'The secret may only contain',
    );
    const vault = await unlocked(path);
    expect(vault.listAccounts().map((account) => account.name)).toEqual(['Main']);
    expect(vault.agentKeys().map((key) => key.kid)).toEqual([KID]);
  });

  it('needs the app for a vault the keychain alone unlocks, and says so in one line before reading anything', async () => {
    const path = join(tempDir(), 'vault.db');
    const keychainOnly = Vault.open({ path, keychain: new FakeKeychain() });
    await keychainOnly.access.create({ keychain: true });
    keychainOnly.close();
    expectRefused(await addKey(path, MAIN_KEY), 3, 'This vault is unlocked by the desktop keychain only: open it in the Barong Vault app');
  });

  it('finds no vault where there is none, and makes none', async () => {
    const path = join(tempDir(), 'missing.db');
    expectRefused(await addKey(path, MAIN_KEY), 3, `There is no vault at ${path}`);
    expect(existsSync(path)).toBe(false);
  });
});

describe('barong-vault keys policy', () => {
  async function vaultWithKeys() {
    const ids: Record<string, string> = {};
    const kids = { bot: newKid(), twinA: newKid(), twinB: newKid() };
    const path = await appVault((vault) => {
      const main = vault.createAccount({ name: 'Main', baseUrl: EXCHANGE });
      const spare = vault.createAccount({ name: 'Spare', baseUrl: 'https://spare.example' });
      ids.bot = vault.importKey({ accountId: main.id, kid: kids.bot, secret: newSecret(), label: 'bot' }).key.id;
      vault.importKey({ accountId: main.id, kid: kids.twinA, secret: newSecret(), label: 'twin' });
      vault.importKey({ accountId: spare.id, kid: kids.twinB, secret: newSecret(), label: 'twin' });
    });
    return { path, kids, botId: ids.bot ?? '' };
  }
  const setPolicy = (path: string, key: string, level: string, lines = [PASSPHRASE]) =>
    cli(['keys', 'policy', '--vault', path, '--key', key, '--policy', level], lines);

  it('opens a key by label or kid at a level, and closes it again, each change audited', async () => {
    const { path, kids, botId } = await vaultWithKeys();
    expect(await setPolicy(path, 'bot', 'read')).toMatchObject({
      code: 0,
      stdout:
        'The key "bot" of account "Main" is open to local programs: Read only: GET under account, market and public, and the private stream, up to 6000 requests in 300 s.\n',
    });
    expect((await unlocked(path)).keyPolicy(botId)).toEqual(policyForLevel('read'));
    expect(await setPolicy(path, kids.bot, 'off')).toMatchObject({ code: 0, stdout: 'The key "bot" of account "Main" is closed to local programs.\n' });

    const vault = await unlocked(path);
    expect(vault.keyPolicy(botId)).toEqual({ ...policyForLevel('read'), agentUse: false });
    expect(vault.auditLog(2).map((entry) => [entry.action, entry.outcome])).toEqual([
      ['set-key-policy', 'agent use off, level read'],
      ['set-key-policy', 'agent use on, level read'],
    ]);
  });

  it('asks for the kid where a label names two keys, and names a key it cannot find', async () => {
    const { path, kids } = await vaultWithKeys();
    expectRefused(await setPolicy(path, 'twin', 'all'), 2, 'More than one key is called "twin": name it by its kid.');
    expectRefused(await setPolicy(path, 'nobody', 'all'), 2, 'No key in the vault has the label or kid "nobody".');
    expect((await setPolicy(path, kids.twinB, 'all')).code).toBe(0);
  });

  it('refuses a wrong passphrase, a missing --policy and an unknown level, changing nothing', async () => {
    const { path } = await vaultWithKeys();
    expectRefused(await setPolicy(path, 'bot', 'read', ['a guess at the passphrase']), 3, 'Wrong passphrase');
    expectRefused(await cli(['keys', 'policy', '--vault', path, '--key', 'bot'], [PASSPHRASE]), 2, 'keys policy needs --policy off, read, trade or all.');
    expectRefused(await setPolicy(path, 'bot', 'everything'), 2, '--policy takes off, read, trade, all, not "everything".');
    expect((await unlocked(path)).agentKeys().every((key) => !key.policy.agentUse)).toBe(true);
  });
});

describe('barong-vault vault import', () => {
  /** A backup the app exported, of a vault whose key "bot" was open to local programs. */
  async function appBackup(): Promise<{ file: string; secret: string; kid: string }> {
    const secret = newSecret();
    const kid = newKid();
    const source = await openVault(join(tempDir(), 'source.db'));
    await source.access.create({ passphrase: `source ${PASSPHRASE}`, keychain: false });
    const main = source.createAccount({ name: 'Main', baseUrl: EXCHANGE });
    const { key } = source.importKey({ accountId: main.id, kid, secret, label: 'bot' });
    source.setKeyPolicy(key.id, policyForLevel('all'));
    const file = join(tempDir(), 'main.barongvault');
    writeFileSync(file, await exportBackup(source, BACKUP_PASSPHRASE));
    return { file, secret, kid };
  }

  it("adds the backup's accounts and keys, each key closed to local programs, and says what it added", async () => {
    const backup = await appBackup();
    const path = await appVault();
    const run = await cli(['vault', 'import', backup.file, '--vault', path], [BACKUP_PASSPHRASE, PASSPHRASE]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'Imported main.barongvault: 1 account added, 0 matched, 1 key added.',
        `  added: key "bot" of account "Main" (${EXCHANGE})`,
        'Keys from a backup are closed to local programs: open one with barong-vault keys policy --key LABEL|KID --policy LEVEL.',
        '',
      ].join('\n'),
    );
    const vault = await unlocked(path);
    const [key] = vault.agentKeys();
    expect(key).toMatchObject({ kid: backup.kid, policy: DEFAULT_POLICY });
    expect(vault.sign(key?.keyId ?? '', NONCE, EXCHANGE)['X-Auth-Signature']).toBe(hmac(backup.secret, backup.kid));
    expect(run.stdout + run.stderr).not.toContain(backup.secret);

    // Again: everything is there already, and left as it was.
    const again = await cli(['vault', 'import', backup.file, '--vault', path], [BACKUP_PASSPHRASE, PASSPHRASE]);
    expect(again.stdout).toBe(
      `Imported main.barongvault: 0 accounts added, 1 matched, 0 keys added.\n  already here, left as it was: key ${backup.kid} of account "Main"\n`,
    );
  });

  it('refuses a wrong backup passphrase, a wrong vault passphrase and a file that is no backup, importing nothing', async () => {
    const backup = await appBackup();
    const path = await appVault();
    const notABackup = join(tempDir(), 'notes.txt');
    writeFileSync(notABackup, 'not a backup');
    expectRefused(await cli(['vault', 'import', backup.file, '--vault', path], ['a guess at the passphrase', PASSPHRASE]), 3, 'Wrong backup passphrase');
    expectRefused(await cli(['vault', 'import', backup.file, '--vault', path], [BACKUP_PASSPHRASE, 'a guess at the passphrase']), 3, 'Wrong passphrase');
    expectRefused(await cli(['vault', 'import', notABackup, '--vault', path], [BACKUP_PASSPHRASE, PASSPHRASE]), 2, 'not a Barong Vault backup');
    expectRefused(await cli(['vault', 'import', join(tempDir(), 'gone.barongvault'), '--vault', path], []), 2, 'could not be read (ENOENT)');
    expectRefused(await cli(['vault', 'import', '--vault', path], []), 2, 'vault import needs the backup file');
    expect((await unlocked(path)).listAccounts()).toEqual([]);
  });
});

describe('the vault commands on the command line', () => {
  it.each(['vault', 'keys', 'vault create', 'vault import', 'keys add', 'keys policy'])('prints help for barong-vault %s', async (command) => {
    const run = await cli([...command.split(' '), '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: barong-vault ${command} `));
  });

  it.each([
    [['keys', 'remove'], 'Unknown subcommand "remove": keys takes list, add, policy.'],
    [['vault', 'destroy'], 'Unknown subcommand "destroy": vault takes create, import.'],
  ])('refuses %j in one line with the way to the help', async (args, words) => {
    const run = await cli(args);
    expectRefused(run, 2, words);
    expect(run.stderr).toContain(`Run barong-vault ${args[0]} --help for the options.`);
  });
});
