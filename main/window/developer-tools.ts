/**
 * Developer tools in development builds only: in a packaged app they would let whoever sits at
 * the screen run code in the renderer, beside an unlocked vault. One decision for the window's
 * webPreferences and the menu's Toggle Developer Tools.
 */
export function developerToolsFor(build: { packaged: boolean }): boolean {
  return !build.packaged;
}
