import { randomBytes } from 'node:crypto';

export type SecretShape = 'plain' | 'vault';

export interface ApiKeyRecord {
  kid: string;
  secret: string;
  uid: string;
  algorithm: string;
  scope: string[];
  /** `active`, or anything else for inactive: the server writes `inactive`, users write `disabled`. */
  state: string;
  /** Creation order, for stable sorting of keys made within the same millisecond. */
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

export class ApiKeyStore {
  private readonly keys = new Map<string, ApiKeyRecord>();
  private sequence = 0;
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  create(uid: string, algorithm: string, scope: string[]): ApiKeyRecord {
    const now = new Date(this.now()).toISOString();
    const key: ApiKeyRecord = {
      kid: randomBytes(8).toString('hex'),
      secret: randomBytes(16).toString('hex'),
      uid,
      algorithm,
      scope,
      state: 'active',
      sequence: ++this.sequence,
      createdAt: now,
      updatedAt: now,
    };
    this.keys.set(key.kid, key);
    return key;
  }

  find(kid: string): ApiKeyRecord | undefined {
    return this.keys.get(kid);
  }

  /** A key of this user, or undefined: another user's key is as unknown as a missing one. */
  findOwned(uid: string, kid: string): ApiKeyRecord | undefined {
    const key = this.keys.get(kid);
    return key?.uid === uid ? key : undefined;
  }

  ownedBy(uid: string): ApiKeyRecord[] {
    return [...this.keys.values()].filter((key) => key.uid === uid);
  }

  delete(kid: string): void {
    this.keys.delete(kid);
  }
}

/** Scopes arrive as one comma-separated string. */
export const parseScope = (scope: string | undefined): string[] =>
  (scope ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

export function presentApiKey(key: ApiKeyRecord): Record<string, unknown> {
  return {
    kid: key.kid,
    algorithm: key.algorithm,
    scope: key.scope,
    state: key.state,
    created_at: key.createdAt,
    updated_at: key.updatedAt,
  };
}

/**
 * The create response, the only one carrying the secret: a plain string on Barong 2.6, Vault's
 * storage record on 2.5 and earlier.
 */
export function presentCreatedApiKey(key: ApiKeyRecord, shape: SecretShape): Record<string, unknown> {
  const secret =
    shape === 'plain'
      ? key.secret
      : { request_id: '', lease_id: '', renewable: false, lease_duration: 0, data: { value: key.secret }, wrap_info: null, warnings: null, auth: null };
  return { ...presentApiKey(key), secret };
}
