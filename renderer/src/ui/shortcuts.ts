/**
 * Keyboard shortcuts, written once as `Mod+Key` (Mod: Command on macOS, Control elsewhere), shown
 * the way the computer's own menus show them and announced to assistive technology for both.
 */
export type Shortcut = `Mod+${string}`;

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** `⌘⇧C` on macOS, `Ctrl+Shift+C` elsewhere. */
export function shortcutLabel(shortcut: Shortcut): string {
  const keys = shortcut.split('+').slice(1);
  if (onMac) return `⌘${keys.map((key) => (key === 'Shift' ? '⇧' : key === 'Enter' ? '↩' : key)).join('')}`;
  return ['Ctrl', ...keys].join('+');
}

/** The value of aria-keyshortcuts: both spellings, since the page cannot be sure which one the keyboard has. */
export function ariaShortcut(shortcut: Shortcut): string {
  const rest = shortcut.slice('Mod'.length);
  return `Control${rest} Meta${rest}`;
}

/** Whether a keydown is the shortcut: Command or Control (either, as menus accept), the same Shift, no Alt. */
export function isShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const keys = shortcut.split('+').slice(1);
  const key = keys[keys.length - 1] ?? '';
  const shift = keys.includes('Shift');
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey !== shift) return false;
  return event.key.toLowerCase() === key.toLowerCase();
}
