import type { z } from 'zod';
import type { ChannelName, Contract } from './channels';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

/** The renderer's view of the contract: what it sends (before defaults) and what comes back. */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;
export type ChannelResult<C extends ChannelName> = Result<ResponseOf<C>>;

type NamespaceOf<Name extends string> = Name extends `${infer Namespace}.${string}` ? Namespace : never;
export type Namespace = NamespaceOf<ChannelName | EventName>;

type Call<C extends ChannelName> =
  undefined extends RequestOf<C> ? (input?: RequestOf<C>) => Promise<ChannelResult<C>> : (input: RequestOf<C>) => Promise<ChannelResult<C>>;

export type Unsubscribe = () => void;

/** `window.api`: `api.vault.unlock({ passphrase })`, `api.exchange.onCodeWait(listener)`. */
export type Api = {
  readonly [N in Namespace]: {
    readonly [C in ChannelName as C extends `${N}.${infer Method}` ? Method : never]: Call<C>;
  } & {
    readonly [E in EventName as E extends `${N}.${infer Event}` ? `on${Capitalize<Event>}` : never]: (
      listener: (payload: EventPayload<E>) => void,
    ) => Unsubscribe;
  };
};

/** `vault.unlock` -> ['vault', 'unlock']: every name has exactly one dot (the contract test checks). */
export function splitName(name: string): [namespace: string, member: string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** The preload's name for an event's subscribe function: `exchange.codeWait` -> `onCodeWait`. */
export function listenerName(event: string): string {
  const [, member] = splitName(event);
  return `on${member.charAt(0).toUpperCase()}${member.slice(1)}`;
}
