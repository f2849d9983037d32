import type { Account } from '../vault/records';
import { ExchangeHttp } from './exchange-http';
import type { ExchangeHttpOptions } from './exchange-http';

/** What every exchange connection of the app shares; the address and the nonce lifetime are the account's. */
export type ExchangeHttpSettings = Omit<ExchangeHttpOptions, 'baseUrl' | 'nonceLifetimeMs'>;

export const exchangeHttpFor = (settings: ExchangeHttpSettings, account: Pick<Account, 'baseUrl' | 'nonceLifetimeMs'>): ExchangeHttp =>
  new ExchangeHttp({ ...settings, baseUrl: account.baseUrl, nonceLifetimeMs: account.nonceLifetimeMs });
