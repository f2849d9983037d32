import { z } from 'zod';
import { HTTP_METHODS } from '../commands/request';
import { POLICY_LEVELS } from '../domain/agent-policy';
import { AGENT_TOKEN_HEX_LENGTH, CLIENT_NAME_MAX, WIRE_VERSION } from './wire-constants';

/**
 * The signing agent's wire protocol: one JSON object per line, each with `v`, in both
 * directions. A client says `hello` (its name and the token from the agent's token file) first;
 * then `keys`, `sign` and `status`, in any order, each answered in turn. An answer never carries
 * a secret or a seed: only what a request needs (headers valid for a few seconds) and what the
 * trader may see (labels, kids, accounts, policies). Its numbers are in wire-constants.ts, which a
 * client imports without this module's schema library.
 */

const version = z.literal(WIRE_VERSION);
/** Echoed in the answer, so that a client may pipeline. */
const id = z.union([z.number().int(), z.string().max(64)]).optional();

export const helloRequestSchema = z.strictObject({
  v: version,
  id,
  type: z.literal('hello'),
  /** How the owner sees this program in the approval and the audit log: "grid-bot", "cron: balances". */
  client: z
    .string()
    .min(1)
    .max(CLIENT_NAME_MAX)
    .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'A client name is one line of visible text.'),
  token: z.string().regex(new RegExp(`^[0-9a-f]{${AGENT_TOKEN_HEX_LENGTH}}$`), 'The token is 64 hexadecimal characters.'),
});

export const keysRequestSchema = z.strictObject({ v: version, id, type: z.literal('keys') });
export const statusRequestSchema = z.strictObject({ v: version, id, type: z.literal('status') });
export const signRequestSchema = z.strictObject({
  v: version,
  id,
  type: z.literal('sign'),
  /** A key's label or kid, as `barong-vault keys` lists them. */
  key: z.string().min(1).max(200),
  method: z.enum(HTTP_METHODS),
  path: z.string().min(1).max(2048),
});

export const agentRequestSchema = z.discriminatedUnion('type', [helloRequestSchema, keysRequestSchema, signRequestSchema, statusRequestSchema]);
export type AgentRequest = z.infer<typeof agentRequestSchema>;
export type HelloRequest = z.infer<typeof helloRequestSchema>;
export type SignRequest = z.infer<typeof signRequestSchema>;

export const agentKeySchema = z.strictObject({
  label: z.string(),
  kid: z.string(),
  account: z.string(),
  /** The exchange the key signs for: scheme://host[:port] and any path prefix. */
  baseUrl: z.string(),
  policy: z.strictObject({
    agentUse: z.boolean(),
    level: z.enum([...POLICY_LEVELS, 'custom']),
    budget: z.strictObject({ requests: z.number(), windowSeconds: z.number() }),
  }),
});
export type AgentKey = z.infer<typeof agentKeySchema>;

const authHeaders = z.strictObject({ 'X-Auth-Apikey': z.string(), 'X-Auth-Nonce': z.string(), 'X-Auth-Signature': z.string() });

const ok = { v: version, id, ok: z.literal(true) };
export const agentAnswerSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...ok, type: z.literal('hello'), agent: z.string() }),
  z.strictObject({ ...ok, type: z.literal('keys'), keys: z.array(agentKeySchema) }),
  z.strictObject({
    ...ok,
    type: z.literal('sign'),
    headers: authHeaders,
    /** When the exchange stops taking the nonce, on this computer's clock. */
    expiresAtMs: z.number(),
    /** Where these headers are good: requests anywhere else are refused by the exchange's origin binding. */
    baseUrl: z.string(),
    decision: z.strictObject({ allowed: z.literal(true), level: z.enum([...POLICY_LEVELS, 'custom']), remaining: z.number() }),
  }),
  z.strictObject({ ...ok, type: z.literal('status'), locked: z.boolean(), clients: z.array(z.string()), keys: z.number() }),
  z.strictObject({ v: version, id, ok: z.literal(false), type: z.literal('error'), error: z.strictObject({ code: z.string(), message: z.string() }) }),
]);
export type AgentAnswer = z.infer<typeof agentAnswerSchema>;
type Answer<T extends AgentAnswer['type']> = Extract<AgentAnswer, { type: T }>;
/** What the service returns for one request; the server adds `v` and `id`. */
export type AnswerBody<T extends AgentAnswer['type'] = AgentAnswer['type']> = T extends AgentAnswer['type'] ? Omit<Answer<T>, 'v' | 'id'> : never;
