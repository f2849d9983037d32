import { z } from 'zod';
import type { RemoteState } from '../../vault/records';
import { ExchangeError } from '../exchange-error';

/** An API key as the exchange lists it: never a secret. */
export interface RemoteKey {
  kid: string;
  algorithm: string;
  scopes: string[];
  /** `active`, or anything else for inactive (`disabled` by the user, `inactive` by the server). */
  state: string;
  createdAt: string | null;
  updatedAt: string | null;
}

const scopeSchema = z
  .union([
    z.array(z.string()),
    z.string().transform((text) =>
      text
        .split(',')
        .map((scope) => scope.trim())
        .filter((scope) => scope !== ''),
    ),
  ])
  .nullish()
  .transform((scopes) => scopes ?? []);

const remoteKeySchema = z
  .object({
    kid: z.string().min(1),
    algorithm: z.string(),
    scope: scopeSchema,
    state: z.string(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  })
  .transform((key): RemoteKey => ({
    kid: key.kid,
    algorithm: key.algorithm,
    scopes: key.scope,
    state: key.state,
    createdAt: key.created_at ?? null,
    updatedAt: key.updated_at ?? null,
  }));

// Barong 2.6 sends the secret as a string; 2.5 and older send Vault's storage record.
const secretSchema = z.union([z.string().min(1), z.object({ data: z.object({ value: z.string().min(1) }) }).transform((record) => record.data.value)]);

const unexpected = (what: string, status: number) =>
  new ExchangeError('exchange.unexpected_body', `The exchange answered ${what} in a shape this app does not know.`, { status });

export function parseRemoteKeys(body: unknown, status: number): RemoteKey[] {
  const parsed = z.array(remoteKeySchema).safeParse(body);
  if (!parsed.success) throw unexpected('the key list', status);
  return parsed.data;
}

export function parseRemoteKey(body: unknown, status: number): RemoteKey {
  const parsed = remoteKeySchema.safeParse(body);
  if (!parsed.success) throw unexpected('the key change', status);
  return parsed.data;
}

/** The create answer: the key and, this once only, its secret (either shape). */
export function parseCreatedKey(body: unknown, status: number): { key: RemoteKey; secret: string } {
  const key = remoteKeySchema.safeParse(body);
  const secret = secretSchema.safeParse(typeof body === 'object' && body !== null && 'secret' in body ? body.secret : undefined);
  // No parser detail in the message: the body holds the secret.
  if (!key.success || !secret.success) throw unexpected('the new key', status);
  return { key: key.data, secret: secret.data };
}

/** The vault's name for a state the exchange reports. */
export const remoteStateOf = (state: string): RemoteState => (state === 'active' ? 'active' : state === 'disabled' ? 'disabled' : 'inactive');
