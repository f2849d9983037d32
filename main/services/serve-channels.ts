import type { z } from 'zod';
import type { ChannelResult } from '../../app/contract/api';
import { contract } from '../../app/contract/channels';
import type { ChannelName, Contract } from '../../app/contract/channels';
import { BRIDGE_ERROR_CODES } from '../../app/contract/result';
import type { ErrorInfo } from '../../app/contract/result';
import type { Logger } from '../logging/logger';
import { INTERNAL_ERROR, knownErrorInfo } from './error-info';

/** What the guard learnt about a call before its handler runs. */
export interface CallContext {
  /** The owner proved they are there for this very call (see main/privilege). */
  ownerConfirmed: boolean;
}

/** What a channel does with a request that passed its schema. */
export type Handler<C extends ChannelName> = (input: z.output<Contract[C]['request']>, call: CallContext) => Promise<z.input<Contract[C]['response']>>;
export type Handlers = { [C in ChannelName]: Handler<C> };
export type HandlersOf<Namespace extends string> = Pick<Handlers, Extract<ChannelName, `${Namespace}.${string}`>>;

/** Every channel as the doors (IPC, the browser harness, the CLI) call it: any input, never a throw. */
export type BackendChannel<C extends ChannelName> = (input: unknown) => Promise<ChannelResult<C>>;
export type BackendChannels = { [C in ChannelName]: BackendChannel<C> };

const MAX_MESSAGE = 300;

export interface ServeOptions {
  logger: Logger;
  /** Runs before the handler of `channel` with its parsed input; what it throws is answered like a handler's error. */
  guard: (channel: ChannelName, input: unknown) => Promise<CallContext>;
}

/**
 * Wraps each handler: the request is parsed with the channel's schema (malformed gets
 * `input.invalid`), errors become values, and the answer is checked against the response schema
 * before it leaves, so that no field the contract does not name (a secret) can cross.
 */
export function serveChannels(handlers: Handlers, options: ServeOptions): BackendChannels {
  const serve = <C extends ChannelName>(channel: C): BackendChannel<C> => {
    const { request, response } = contract[channel];
    const handler = handlers[channel] as unknown as (input: unknown, call: CallContext) => Promise<unknown>;
    return async (input) => {
      const parsed = safely(() => request.safeParse(input));
      if (!parsed?.success) return { ok: false, error: invalidInput(parsed?.error) };
      let value: unknown;
      try {
        value = await handler(parsed.data, await options.guard(channel, parsed.data));
      } catch (error) {
        const known = knownErrorInfo(error);
        if (!known) options.logger.warn('backend.internal_error', { channel, error: error instanceof Error ? error.name : typeof error });
        return { ok: false, error: known ?? INTERNAL_ERROR };
      }
      const answer = response.safeParse(value);
      if (!answer.success) {
        options.logger.warn('backend.answer_refused', { channel, path: answer.error.issues[0]?.path.join('.') ?? '' });
        return { ok: false, error: INTERNAL_ERROR };
      }
      return { ok: true, value: answer.data } as ChannelResult<C>;
    };
  };
  return Object.fromEntries(Object.keys(contract).map((channel) => [channel, serve(channel as ChannelName)])) as BackendChannels;
}

// A parser may still throw on inputs no schema foresaw (a stack overflow in a deep structure):
// that is malformed input too, not a crash.
function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

function invalidInput(error: z.ZodError | undefined): ErrorInfo {
  const issue = error?.issues[0];
  if (!issue) return { code: BRIDGE_ERROR_CODES.inputInvalid, message: 'The request could not be read.' };
  const field = issue.path.length > 0 ? ` (${issue.path.map(String).join('.')})` : '';
  return { code: BRIDGE_ERROR_CODES.inputInvalid, message: `The request${field}: ${issue.message}`.slice(0, MAX_MESSAGE) };
}
