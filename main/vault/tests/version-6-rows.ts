import { originOf } from '../../../app/barong/origin';
import { open, seal } from '../crypto/envelope';
import { derivePassphraseKey } from '../crypto/passphrase-kdf';
import type { ScryptParams } from '../crypto/passphrase-kdf';
import { secretAd, totpSeedAd } from '../sealed-rows';

type Row = Record<string, unknown>;

/**
 * Rows as a vault of database version 6 wrote them, from rows of today's vault: no MACs or policies, secrets
 * and seeds sealed with the associated data of then, the passphrase wrap in its format of then,
 * no keychain wrap. For upgrade tests: what an older app left on disk.
 */
export async function asVersion6Rows(rows: Record<string, unknown[]>, vaultKey: Buffer, passphrase: string): Promise<Record<string, Row[]>> {
  const reseal = (sealed: Buffer, from: string, to: string) => seal(vaultKey, open(vaultKey, sealed, from), to);
  // Columns added since: row MACs (version 7) and key policies (version 8).
  const withoutMac = (row: Row) => Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'mac' && column !== 'policy'));
  const tableRows = (name: string) => (rows[name] ?? []) as Row[];
  const origins = new Map(tableRows('accounts').map((account) => [account.id as string, originOf(account.base_url as string)]));
  const accounts = tableRows('accounts').map((account) => {
    const id = account.id as string;
    const seed = account.totp_seed as Buffer | null;
    return withoutMac({ ...account, totp_seed: seed && reseal(seed, totpSeedAd(id, origins.get(id) ?? ''), `totp-seed\n${id}`) });
  });
  const keys = tableRows('api_keys').map((key) => {
    const binding = { id: key.id as string, accountId: key.account_id as string, kid: key.kid as string };
    return withoutMac({
      ...key,
      secret: reseal(key.secret as Buffer, secretAd(binding, origins.get(binding.accountId) ?? ''), `api-key-secret\n${binding.accountId}\n${binding.kid}`),
    });
  });
  const wraps = await Promise.all(
    tableRows('key_wraps')
      .filter((wrap) => wrap.kind === 'passphrase')
      .map(async (wrap) => {
        const wrappingKey = await derivePassphraseKey(passphrase, JSON.parse(wrap.params as string) as ScryptParams);
        return { ...wrap, wrapped: seal(wrappingKey, vaultKey, 'vault-key/passphrase') };
      }),
  );
  return { ...rows, accounts, api_keys: keys, key_wraps: wraps };
}
