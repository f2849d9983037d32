import { z } from 'zod';
import { agentClientSchema, CODE_PURPOSES } from './records';

/**
 * Messages main sends to the renderer unasked (`webContents.send`), as `namespace.event`. The
 * preload exposes each as `api.<namespace>.on<Event>(listener)`, which returns an unsubscribe.
 */
export const events = {
  /** A program connected to the signing agent or left it: every program connected now. */
  'agent.clients': z.strictObject({ clients: z.array(agentClientSchema) }),
  /**
   * The trader opened a backup file from the computer (double-click, Open With, the Dock): its
   * name without the folder, and its content (encrypted) for the import form to take.
   */
  'backup.opened': z.strictObject({ fileName: z.string(), contentBase64: z.string() }),
  /**
   * A stored-seed 2FA code was spent in this 30 s period (by the login, say) and the call in
   * flight waits for the next one: sent about once a second with the seconds left.
   */
  'exchange.codeWait': z.strictObject({ accountId: z.string(), purpose: z.enum(CODE_PURPOSES), secondsLeft: z.number() }),
  /** The application menu (or its shortcut, Cmd/Ctrl+K or Cmd/Ctrl+,) asks the UI to open this view. */
  'menu.command': z.strictObject({ command: z.enum(['search', 'settings']) }),
  /** The vault locked (by the trader, auto-lock, suspend): the renderer drops its sensitive state. */
  'vault.locked': z.strictObject({}),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
