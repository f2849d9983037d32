import { AppError } from '../../app/app-error';
import { checkKid } from '../../app/barong/credentials';
import { exchangeUrlProblem } from '../../app/domain/base-url';
import { DEFAULT_POLICY } from '../../app/domain/agent-policy';
import { accountIdentity } from '../../main/vault/backup/import-plan';
import type { Vault } from '../../main/vault/vault';
import { describeKey } from '../../main/vault/sealed-rows';
import { EXIT_OK } from '../io';
import type { Command } from '../io';
import { parseOptions } from '../parse-options';
import { nextPolicy, parsePolicyOption, policyLevelsHelp, policyWords } from '../policy-option';
import { VAULT_OPTION, VAULT_OPTION_HELP, vaultFileOf, withPassphraseVault } from '../vault-file';

export const keysAddHelp = `Usage: barong-vault keys add --account NAME --base URL --kid KID [--label L]
                            [--policy LEVEL] [--vault FILE]

Stores an API key in the vault's account NAME. The account is created for URL
when the vault has none of that name; otherwise it must sign for URL.

Standard input, one value per line (typed without echo on a terminal):
  1. the vault passphrase
  2. the API secret
The secret is never taken from the command line, where other users can see it.

Options:
  --account NAME    the account
  --base URL        its exchange, e.g. https://exchange.example
  --kid KID         the key id
  --label L         a name for the key (default: none; the kid names it)
  --policy LEVEL    open the key to local programs (the signing agent) at a level:
${policyLevelsHelp}
                    withdrawals never; without it, the key stays closed to them
${VAULT_OPTION_HELP}
  -h, --help        show this help

Example:
  printf '%s\\n%s\\n' "$VAULT_PASSPHRASE" "$BARONG_SECRET" | barong-vault keys add \\
    --account Main --base https://exchange.example --kid 61d025b8573501c2 --policy read
`;

const required = (value: string | undefined, flag: string, what: string): string => {
  if (value === undefined || value.trim() === '') throw new AppError('usage', `keys add needs ${flag} ${what}.`);
  return value;
};

/** The account NAME of the vault that signs for `baseUrl`, made when there is no NAME; NAME at another exchange is refused. */
function accountFor(vault: Vault, name: string, baseUrl: string): { id: string; created: boolean } {
  const wanted = accountIdentity({ name: name.trim(), baseUrl: baseUrl.trim() });
  const named = vault.listAccounts().filter((account) => account.name === name.trim());
  const same = named.find((account) => accountIdentity(account) === wanted);
  if (same) return { id: same.id, created: false };
  const [other] = named;
  if (other) throw new AppError('usage', `The account "${other.name}" signs for ${other.baseUrl}, not ${baseUrl}: give its base URL, or another account name.`);
  return { id: vault.createAccount({ name, baseUrl }).id, created: true };
}

export const keysAdd: Command = async (argv, io) => {
  const { values: options, positionals } = parseOptions(argv, {
    account: { type: 'string' },
    base: { type: 'string' },
    kid: { type: 'string' },
    label: { type: 'string' },
    policy: { type: 'string' },
    ...VAULT_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.stdout.write(keysAddHelp);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new AppError('usage', `Unexpected argument "${positionals[0]}".`);
  const name = required(options.account, '--account', 'NAME');
  const baseUrl = required(options.base, '--base', 'URL');
  const kid = required(options.kid, '--kid', 'KID');
  const problem = exchangeUrlProblem(baseUrl.trim());
  if (problem) throw new AppError('input.base_url_invalid', `--base ${problem}: "${baseUrl}".`);
  // Checked before anything is read, so that a mistyped kid costs no passphrase; its warnings come with the secret's.
  checkKid(kid);
  const level = options.policy === undefined ? undefined : parsePolicyOption(options.policy, { off: false });

  return withPassphraseVault(vaultFileOf(options.vault, io), io, async (vault, values) => {
    await vault.access.unlock(await values.next('vault passphrase'));
    const secret = await values.next('API secret');
    // One transaction: a refused key (a kid already there) leaves no new account behind.
    const { account, key, created, warnings } = vault.transaction(() => {
      const target = accountFor(vault, name, baseUrl);
      const stored = vault.importKey({ accountId: target.id, kid, secret, label: options.label ?? '' });
      const withPolicy = level === undefined ? stored.key : vault.setKeyPolicy(stored.key.id, nextPolicy(level, DEFAULT_POLICY));
      return { account: vault.account(target.id), key: withPolicy, created: target.created, warnings: stored.warnings };
    });
    warnings.forEach((warning) => io.stderr.write(`warning: ${warning}\n`));
    if (created) io.stdout.write(`Created the account "${account.name}" for ${account.baseUrl}.\n`);
    io.stdout.write(`Stored the ${describeKey(key, account)}, ${policyWords(key.policy)}.\n`);
    return EXIT_OK;
  });
};
