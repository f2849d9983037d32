import type { ApiKey, PendingKeyCreation } from '../../vault/records';
import type { Vault } from '../../vault/vault';
import { ExchangeError } from '../exchange-error';
import type { BarongSession, CodeOptions } from '../session/barong-session';
import type { ExchangeKeys } from './exchange-keys';
import { reconcileKeys } from './reconcile-keys';
import type { KeyReconciliation } from './reconcile-keys';
import { remoteStateOf } from './remote-key';

export interface AccountReconciliation extends KeyReconciliation {
  /** Creations whose answer never reached the vault: their keys are among `secretUnknown`, if the exchange made them. */
  pendingCreations: PendingKeyCreation[];
}

// A 4xx is the exchange refusing: no key was made. Anything else (a lost connection, a timeout,
// a 5xx, an answer that does not parse) may hide a key that exists on the exchange only.
const isRefusal = (error: unknown): boolean => error instanceof ExchangeError && error.status !== undefined && error.status >= 400 && error.status < 500;

/** One account's keys on its exchange, with the vault following every change. */
export class AccountKeys {
  private readonly vault: Vault;
  private readonly session: BarongSession;
  private readonly exchange: ExchangeKeys;

  constructor(vault: Vault, session: BarongSession, exchange: ExchangeKeys) {
    this.vault = vault;
    this.session = session;
    this.exchange = exchange;
  }

  /**
   * Creates a key and stores its secret. Write-ahead: a pending creation (no secret) is recorded
   * before the request goes out and cleared in the transaction that stores the answer, so a crash
   * in between leaves a trace that `pendingKeyCreations` reports.
   */
  async create(request: { label?: string; scopes?: string[] }, codeOptions: CodeOptions = {}): Promise<{ key: ApiKey; warnings: string[] }> {
    const accountId = this.session.accountId;
    return this.session.withCode('create-key', codeOptions, async (code) => {
      const pending = this.vault.beginKeyCreation({ accountId, label: request.label ?? '', scopes: request.scopes ?? [] });
      let created;
      try {
        created = await this.exchange.create(pending.scopes, code);
      } catch (error) {
        if (isRefusal(error)) this.vault.dismissKeyCreation(pending.id);
        throw error;
      }
      return this.vault.completeKeyCreation(pending.id, {
        accountId,
        kid: created.key.kid,
        secret: created.secret,
        label: pending.label,
        scopes: created.key.scopes,
        remoteState: remoteStateOf(created.key.state),
      });
    });
  }

  /** Enables or disables a key on the exchange, resending its current scopes there. */
  async setEnabled(keyId: string, enabled: boolean, codeOptions: CodeOptions = {}): Promise<ApiKey> {
    const key = this.ownKey(keyId);
    const current = (await this.exchange.list()).find((remote) => remote.kid === key.kid);
    if (!current) {
      this.vault.markRemoteState(keyId, 'deleted_remotely');
      throw ExchangeError.fromBarong('record.not_found', 404);
    }
    const updated = await this.session.withCode('change-key', codeOptions, (code) =>
      this.exchange.setState(key.kid, enabled ? 'active' : 'disabled', current.scopes, code),
    );
    this.vault.editKey(keyId, { scopes: updated.scopes });
    return this.vault.markRemoteState(keyId, remoteStateOf(updated.state));
  }

  /** Deletes the key on the exchange, then from the vault. A key the exchange no longer has is only marked. */
  async delete(keyId: string, codeOptions: CodeOptions = {}): Promise<void> {
    const key = this.ownKey(keyId);
    try {
      await this.session.withCode('delete-key', codeOptions, (code) => this.exchange.delete(key.kid, code));
    } catch (error) {
      // Kept rather than deleted: "not found" may also mean the vault points at the wrong exchange.
      if (error instanceof ExchangeError && error.code === 'record.not_found') this.vault.markRemoteState(keyId, 'deleted_remotely');
      throw error;
    }
    this.vault.deleteKey(keyId);
  }

  /** Reads the exchange's list and brings the vault's key states in line with it. */
  async reconcile(): Promise<AccountReconciliation> {
    const accountId = this.session.accountId;
    const result = reconcileKeys(this.vault.listKeys(accountId), await this.exchange.list());
    result.stateChanges.forEach((change) => this.vault.markRemoteState(change.keyId, change.to));
    return { ...result, pendingCreations: this.vault.pendingKeyCreations(accountId) };
  }

  private ownKey(keyId: string): ApiKey {
    const key = this.vault.key(keyId);
    if (key.accountId !== this.session.accountId) throw new ExchangeError('input.wrong_account', 'This key belongs to another account.');
    return key;
  }
}
