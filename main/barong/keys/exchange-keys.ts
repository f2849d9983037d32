import { barongPaths } from '../../../app/barong/paths';
import type { BarongSession } from '../session/barong-session';
import { parseCreatedKey, parseRemoteKey, parseRemoteKeys } from './remote-key';
import type { RemoteKey } from './remote-key';

export const MAX_PAGE_SIZE = 100;

const headerNumber = (value: string | string[] | undefined): number | undefined => {
  const text = Array.isArray(value) ? value[0] : value;
  const number = Number(text);
  return text !== undefined && text !== '' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
};

/** Barong's api_keys resource through a session (PROTOCOL.md section 3); writes take a fresh 2FA code. */
export class ExchangeKeys {
  private readonly session: BarongSession;
  private readonly pageSize: number;

  constructor(session: BarongSession, pageSize = MAX_PAGE_SIZE) {
    this.session = session;
    this.pageSize = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
  }

  /** Every key, page after page until `Total` are read (or a short page where no Total is sent). */
  async list(): Promise<RemoteKey[]> {
    // By kid: a key created between two pages shifts the rest, and may come twice.
    const keys = new Map<string, RemoteKey>();
    for (let page = 1; ; page += 1) {
      const answer = await this.session.request({
        method: 'GET',
        path: barongPaths.apiKeys,
        query: [
          ['page', String(page)],
          ['limit', String(this.pageSize)],
        ],
      });
      const batch = parseRemoteKeys(answer.body, answer.status);
      batch.forEach((key) => keys.set(key.kid, key));
      const total = headerNumber(answer.headers.total);
      const readAll = total === undefined ? batch.length < this.pageSize : page * this.pageSize >= total;
      if (readAll || batch.length === 0) return [...keys.values()];
    }
  }

  async create(scopes: readonly string[], totpCode: string): Promise<{ key: RemoteKey; secret: string }> {
    const answer = await this.session.request({
      method: 'POST',
      path: barongPaths.apiKeys,
      json: { algorithm: 'HS256', totp_code: totpCode, ...(scopes.length > 0 ? { scope: scopes.join(',') } : {}) },
    });
    return parseCreatedKey(answer.body, answer.status);
  }

  /** Barong's update takes `scope` as sent and wipes it when left out: the current scopes always go along. */
  async setState(kid: string, state: 'active' | 'disabled', currentScopes: readonly string[], totpCode: string): Promise<RemoteKey> {
    const answer = await this.session.request({
      method: 'PATCH',
      path: `${barongPaths.apiKeys}/${kid}`,
      json: { state, scope: currentScopes.join(','), totp_code: totpCode },
    });
    return parseRemoteKey(answer.body, answer.status);
  }

  async delete(kid: string, totpCode: string): Promise<void> {
    await this.session.request({ method: 'DELETE', path: `${barongPaths.apiKeys}/${kid}`, query: [['totp_code', totpCode]] });
  }
}
