import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: what a local program must know to use the proxy, carried in the base URL it is given. */
export const createProxyToken = (): string => randomBytes(32).toString('base64url');

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Hashed to one length first, so the time taken tells nothing of the token's length or of how much of it was right. */
export const tokenMatches = (given: string, token: string): boolean => timingSafeEqual(digest(given), digest(token));
