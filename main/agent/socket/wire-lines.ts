import type { z } from 'zod';
import { keysRequestSchema } from '../../../app/agent/wire';
import { WIRE_VERSION } from '../../../app/agent/wire-constants';
import type { AgentAnswer, AgentRequest, AnswerBody } from '../../../app/agent/wire';
import { wordsOf } from '../../../app/errors/codes';
import type { ErrorCode } from '../../../app/errors/codes';

/** The request's id, echoed in its answer so that a client may send several before reading. */
export type WireId = AgentRequest['id'];

export type ParsedLine = { json: unknown } | { unreadable: string };
export type ReadRequest<T> = { request: T } | { unreadable: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const idSchema = keysRequestSchema.shape.id;

/** A line's JSON value, or words for why it has none (never the parser's, which quote the line). */
export function parseLine(line: Buffer): ParsedLine {
  let text: string;
  try {
    text = utf8.decode(line);
  } catch {
    return { unreadable: 'This line is not UTF-8 text.' };
  }
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { unreadable: 'This line is not JSON.' };
  }
}

/** A message the schema (the wire's, or one message's) accepts, or words for its first problem. */
export function readRequest<T>(json: unknown, schema: z.ZodType<T>): ReadRequest<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return { request: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `"${issue.path.map(String).join('.')}": ` : '';
  return { unreadable: `${where}${(issue?.message ?? 'This is not a request').replace(/\.?$/, '.')}` };
}

const fieldOf = (json: unknown, name: string): unknown =>
  typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>)[name] : undefined;

/** The id of a message that may be unreadable otherwise, when it is a valid id, so that even a refusal can be matched to its request. */
export function idOf(json: unknown): WireId {
  const id = idSchema.safeParse(fieldOf(json, 'id'));
  return id.success ? id.data : undefined;
}

/** What a message says it is and the token it carries, read before the schema so that a hello is judged by its token first. */
export const typeOf = (json: unknown): unknown => fieldOf(json, 'type');
export const tokenOf = (json: unknown): unknown => fieldOf(json, 'token');

/**
 * The answer as it goes on the wire. `v` and `id` are the transport's and come last, so that
 * nothing in a body can stand in for them. When the request had no id and the body has none
 * either, no `id` key at all: `id: undefined` would say the same, at twice the cost to check and
 * to serialize (V8 and zod leave their fast paths for it). Object.assign, not a spread followed
 * by more keys: V8 (Node 20) builds that spread at about 2.5 µs an answer, 25 times the cost of
 * the assign, and the agent writes one per signature.
 */
export const wireAnswer = (id: WireId, body: AnswerBody): AgentAnswer =>
  id === undefined && !('id' in body) ? Object.assign({}, body, { v: WIRE_VERSION } as const) : Object.assign({}, body, { v: WIRE_VERSION, id } as const);

/** One answer line. */
export const answerLine = (id: WireId, body: AnswerBody): string => `${JSON.stringify(wireAnswer(id, body))}\n`;

export const errorBody = (code: string, message: string): AnswerBody<'error'> => ({ type: 'error', ok: false, error: { code, message } });

/** The code's own words, then what this refusal adds. */
export const refusalBody = (code: ErrorCode, detail?: string): AnswerBody<'error'> => errorBody(code, detail ? `${wordsOf(code)} ${detail}` : wordsOf(code));
