/** The settings whose longer value leaves the vault open, or a signed command on the clipboard, for longer. */
export type ProtectiveTiming = 'autoLockMinutes' | 'clipboardClearSeconds';

export type Timings = Record<ProtectiveTiming, number>;

/** One setting a change makes weaker: `to` is 0 when it turns the protection off. */
export interface Lowering {
  setting: ProtectiveTiming;
  from: number;
  to: number;
}

const TIMINGS: readonly ProtectiveTiming[] = ['autoLockMinutes', 'clipboardClearSeconds'];

/**
 * The rule that makes a settings change privileged: a longer auto-lock or clipboard clearing, or
 * turning either off (0, "never", the longest of all). Main asks the owner for these; the page
 * says which before it asks.
 */
export function loweredProtection(current: Timings, changes: Partial<Record<ProtectiveTiming, number | undefined>>): Lowering[] {
  return TIMINGS.flatMap((setting) => {
    const from = current[setting];
    const to = changes[setting];
    if (to === undefined || to === from || from === 0) return [];
    return to === 0 || to > from ? [{ setting, from, to }] : [];
  });
}
