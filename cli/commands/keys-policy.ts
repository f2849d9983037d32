import { AppError } from '../../app/app-error';
import { keysNamed } from '../../app/agent/key-name';
import { describeKey } from '../../main/vault/sealed-rows';
import { EXIT_OK } from '../io';
import type { Command } from '../io';
import { parseOptions } from '../parse-options';
import { nextPolicy, parsePolicyOption, policyLevelsHelp, policyWords } from '../policy-option';
import { VAULT_OPTION, VAULT_OPTION_HELP, vaultFileOf, withPassphraseVault } from '../vault-file';

export const keysPolicyHelp = `Usage: barong-vault keys policy --key LABEL|KID --policy LEVEL [--vault FILE]

Sets what local programs (the signing agent) may sign with a key: so that a
server can open keys imported from a backup, which arrive closed. Whoever holds
the vault passphrase is its owner here.

Standard input: the vault passphrase (typed without echo on a terminal).

Options:
  --key LABEL|KID   the key, by its kid or its label
  --policy LEVEL    off (closed to local programs), or a level:
${policyLevelsHelp}
                    a level keeps the key's request budget; withdrawals never
${VAULT_OPTION_HELP}
  -h, --help        show this help
`;

export const keysPolicy: Command = async (argv, io) => {
  const { values: options, positionals } = parseOptions(argv, {
    key: { type: 'string' },
    policy: { type: 'string' },
    ...VAULT_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.stdout.write(keysPolicyHelp);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new AppError('usage', `Unexpected argument "${positionals[0]}".`);
  const name = options.key;
  if (name === undefined || name === '') throw new AppError('usage', 'keys policy needs --key LABEL|KID.');
  if (options.policy === undefined) throw new AppError('usage', 'keys policy needs --policy off, read, trade or all.');
  const choice = parsePolicyOption(options.policy, { off: true });

  return withPassphraseVault(vaultFileOf(options.vault, io), io, async (vault, values) => {
    await vault.access.unlock(await values.next('vault passphrase'));
    const matches = keysNamed(vault.agentKeys(), name);
    const [key] = matches;
    if (!key) throw new AppError('agent.unknown_key', `No key in the vault has the label or kid "${name}".`);
    if (matches.length > 1) throw new AppError('agent.ambiguous_key', `More than one key is called "${name}": name it by its kid.`);
    const { policy } = vault.setKeyPolicy(key.keyId, nextPolicy(choice, key.policy));
    io.stdout.write(`The ${describeKey(key, key.account)} is ${policyWords(policy)}.\n`);
    return EXIT_OK;
  });
};
