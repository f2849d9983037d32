/** What the exchange says of a key the vault holds; `unknown` until the key lists are compared. */
export const REMOTE_STATES = ['active', 'disabled', 'inactive', 'deleted_remotely', 'unknown'] as const;
export type RemoteState = (typeof REMOTE_STATES)[number];

/** Made here through the exchange, or typed in from elsewhere. */
export const KEY_ORIGINS = ['created', 'imported'] as const;
export type KeyOrigin = (typeof KEY_ORIGINS)[number];

/** The longest label a key may carry. */
export const KEY_LABEL_MAX = 100;
/** Barong's scopes: at most this many, each at most this long. */
export const SCOPE_LIMITS = { count: 50, length: 64 } as const;
