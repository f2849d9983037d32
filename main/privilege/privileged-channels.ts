import type { z } from 'zod';
import type { ChannelName, Contract } from '../../app/contract/channels';
import { levelOf, POLICY_LEVEL_WORDS } from '../../app/domain/agent-policy';
import type { KeyPolicy } from '../../app/domain/agent-policy';
import { loweredProtection } from '../../app/domain/lowered-protection';
import type { ProtectiveTiming } from '../../app/domain/lowered-protection';
import { needsOwner, previewBackup } from '../vault/backup/vault-backup';
import type { Settings } from '../vault/schemas';
import { accountFieldsSchema } from '../vault/schemas';
import type { Vault } from '../vault/vault';

type Input<C extends ChannelName> = z.output<Contract[C]['request']>;
/** What the call would do, in the owner's words, or null when this call is not privileged. */
type Describe<C extends ChannelName> = (input: Input<C>, vault: Vault) => string | null | Promise<string | null>;

/**
 * The privileged rule, in one list: whatever releases a secret, redirects where signatures or 2FA
 * codes go, lowers protection, or merges keys into existing accounts. A channel named here runs
 * only after main has proved the owner is there (see prove-owner.ts); every other channel never
 * needs the owner. A new channel that does any of these things is added here, nowhere else.
 */
export const PRIVILEGED_CHANNELS: { [C in ChannelName]?: Describe<C> } = {
  'keys.reveal': ({ keyId, deliver }, vault) =>
    deliver === 'clipboard' ? `Copy the secret of ${keyName(vault, keyId)} to the clipboard` : `Show the secret of ${keyName(vault, keyId)}`,
  // Every change, closing included: the policy is all that stands between local programs and the key.
  'keys.setPolicy': ({ keyId, policy }, vault) => agentUseWords(keyName(vault, keyId), policy),
  'backup.export': () => 'Export every API secret and 2FA seed into a backup file',
  'accounts.update': ({ accountId, fields }, vault) => {
    const account = vault.account(accountId);
    const next = accountFieldsSchema.safeParse(fields);
    // An invalid URL is refused by the vault with its own words; an unchanged one redirects nothing.
    if (!next.success || next.data.baseUrl === account.baseUrl) return null;
    return `Send the signed requests and 2FA codes of "${account.name}" to ${hostOf(next.data.baseUrl)} instead of ${hostOf(account.baseUrl)}`;
  },
  'accounts.setTotpSeed': ({ accountId, seed }, vault) =>
    seed === null ? null : `Store a 2FA seed for "${vault.account(accountId).name}", so that the app makes its codes`,
  'vault.setPassphrase': (_input, vault) => (vault.status().passphrase ? 'Change the vault passphrase' : 'Set a vault passphrase'),
  'vault.removePassphrase': () => 'Remove the vault passphrase',
  'vault.addKeychain': () => "Let this computer's keychain unlock the vault",
  'vault.removeKeychain': () => "Stop this computer's keychain from unlocking the vault",
  'settings.update': (changes, vault) => loweredProtectionWords(vault.getSettings(), changes),
  // The file is opened to see what it would do; importBackup checks again in its write transaction.
  // Opening a door to local programs; closing one takes nothing away from the owner.
  'agent.setEnabled': ({ enabled }, vault) =>
    enabled && !vault.agentEnabled() ? 'Turn on the signing agent, so that programs on this computer given its token can ask for signatures' : null,
  'agent.startProxy': ({ keyId }, vault) =>
    `Start a signing proxy for ${keyName(vault, keyId)}, so that any program on this computer given its address can send requests signed with it, as its policy allows`,
  'backup.import': async ({ contentBase64, passphrase, applySettings }, vault) =>
    needsOwner(await previewBackup(vault, Buffer.from(contentBase64, 'base64'), passphrase), applySettings === true),
};

/** The settings change in the owner's words when it lowers protection (app/domain's rule); null when it does not. */
export function loweredProtectionWords(current: Settings, changes: Partial<Record<ProtectiveTiming, number | undefined>>): string | null {
  const lowered = loweredProtection(current, changes).map(({ setting, from, to }) => TIMING_WORDS[setting](from, to));
  return lowered.length === 0 ? null : lowered.join('; ');
}

const TIMING_WORDS: Record<ProtectiveTiming, (from: number, to: number) => string> = {
  autoLockMinutes: (from, to) => (to === 0 ? 'Turn auto-lock off' : `Lock the vault after ${to} min of inactivity instead of ${from} min`),
  clipboardClearSeconds: (from, to) =>
    to === 0
      ? 'Stop clearing copied secrets from the clipboard (a signed command still goes when it expires)'
      : `Keep copied commands on the clipboard for ${to} s instead of ${from} s`,
};

/** A key's new policy in the owner's words: which level, how many requests, and any withdrawal it would let through. */
export function agentUseWords(key: string, policy: KeyPolicy): string {
  if (!policy.agentUse) return `Close ${key} to local programs`;
  const { requests, windowSeconds } = policy.budget;
  const withdrawals = policy.withdrawalPaths.length === 0 ? '' : `, and withdrawals at ${policy.withdrawalPaths.join(', ')}`;
  return `Let local programs sign with ${key}: ${POLICY_LEVEL_WORDS[levelOf(policy)]}, up to ${requests} requests in ${windowSeconds} s${withdrawals}`;
}

function keyName(vault: Vault, keyId: string): string {
  const key = vault.key(keyId);
  return `key ${key.label === '' ? key.kid : `"${key.label}" (${key.kid})`} of "${vault.account(key.accountId).name}"`;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
