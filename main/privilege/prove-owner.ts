import { AppError } from '../../app/app-error';
import type { ChannelName } from '../../app/contract/channels';
import { isAppError } from '../../app/app-error';
import { retryDelayMs } from '../vault/unlock-throttle';
import type { Vault } from '../vault/vault';
import { VaultError } from '../vault/vault-error';
import type { OwnerPrompt } from './owner-prompt';
import { PRIVILEGED_CHANNELS } from './privileged-channels';

export interface OwnerCheckOptions {
  vault: Vault;
  /** Main's native dialog; none where nobody can answer one (the CLI, the agent). */
  prompt: OwnerPrompt | undefined;
  now: () => number;
}

/** Runs before a channel's handler: a privileged call passes only with the owner's proof. Answers whether the owner confirmed this call. */
export type OwnerCheck = (channel: ChannelName, input: unknown) => Promise<boolean>;

/**
 * The one check behind PRIVILEGED_CHANNELS. Where the vault has a passphrase, the call must carry
 * it (`ownerPassphrase`), checked against the wrap like an unlock and throttled with it; a vault
 * without one asks in main's native dialog, one at a time, with refusals slowing the next ask the
 * same way. Either way the outcome is audited with what was tried, in words, never a secret.
 */
export function createOwnerCheck({ vault, prompt, now }: OwnerCheckOptions): OwnerCheck {
  const denials = { count: 0, lastAt: 0 };
  let asking = false;

  const askInDialog = async (action: string) => {
    if (!prompt) throw new AppError('owner.unavailable', 'This change needs the owner to confirm it, which cannot be asked here: make it in the app.');
    const waitMs = denials.lastAt + retryDelayMs(denials.count) - now();
    if (waitMs > 0) throw new VaultError('vault.throttled', `Too many refused confirmations: try again in ${Math.ceil(waitMs / 1000)} s.`, waitMs);
    // A second dialog over the first would let a flood of calls queue up behind the owner's click.
    if (asking) throw new AppError('owner.busy', 'Barong Vault is already asking for a confirmation: answer that one first.');
    asking = true;
    try {
      if (!(await prompt.confirm({ action }))) {
        denials.count += 1;
        denials.lastAt = now();
        throw new AppError('owner.denied', "Not confirmed in Barong Vault's dialog: nothing was changed.");
      }
      denials.count = 0;
    } finally {
      asking = false;
    }
  };

  const prove = async (action: string, ownerPassphrase: string | undefined) => {
    if (!vault.status().passphrase) return askInDialog(action);
    if (ownerPassphrase === undefined || ownerPassphrase === '') {
      throw new AppError('owner.passphrase_required', `Enter the vault passphrase to confirm: ${lowerFirst(action)}.`);
    }
    await vault.access.confirmPassphrase(ownerPassphrase);
  };

  return async (channel, input) => {
    const describe = PRIVILEGED_CHANNELS[channel] as ((input: unknown, vault: Vault) => string | null | Promise<string | null>) | undefined;
    if (!describe) return false;
    const action = await describe(input, vault);
    if (action === null) return false;
    try {
      await prove(action, ownerPassphraseOf(input));
    } catch (error) {
      const why = isAppError(error) ? error.code : 'internal';
      vault.recordOwnerCheck({ channel, action, outcome: `refused (${why})` });
      throw error;
    }
    vault.recordOwnerCheck({ channel, action, outcome: 'confirmed' });
    return true;
  };
}

function ownerPassphraseOf(input: unknown): string | undefined {
  const given = (input as Partial<Record<'ownerPassphrase', unknown>> | undefined)?.ownerPassphrase;
  return typeof given === 'string' ? given : undefined;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
