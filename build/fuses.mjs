// Electron's fuses for the packaged app: switches compiled into the Electron binary that no
// command-line flag or environment variable can turn back. The afterPack hook flips them; the
// tests read them back from a packed binary.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Every fuse of the wire, by its @electron/fuses name, with the value the app ships with. */
export const FUSES = Object.freeze({
  // The binary must not double as a plain Node.js that runs any script (ELECTRON_RUN_AS_NODE).
  RunAsNode: false,
  // Session cookies (the exchange login) are encrypted on disk with the OS keychain's key.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could --require code into the main process, which holds the secrets.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect would let a debugger read the main process, and its memory.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at packaging time before any of it runs.
  EnableEmbeddedAsarIntegrityValidation: true,
  // Without it, an app/ folder beside app.asar would be loaded instead, bypassing the check above.
  OnlyLoadAppFromAsar: true,
  // The app ships no V8 snapshot of its own.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The UI is served from app://, so file:// needs none of the privileges it has by default.
  GrantFileProtocolExtraPrivileges: false,
  // Electron's default: WebAssembly bounds checks by guard pages; no security cost.
  WasmTrapHandlers: true,
});

/**
 * The @electron/fuses configuration for FUSES. It requires every fuse of the binary's wire to be
 * set, so a newer Electron that adds a fuse stops the packaging until someone decides its value.
 * `resetAdHocDarwinSignature`: flipping fuses breaks the ad-hoc signature that Apple silicon
 * needs to run an unsigned build; a release build is signed properly after the hook.
 */
export function fuseConfig({ resetAdHocDarwinSignature = false } = {}) {
  const names = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
  const unset = names.filter((name) => !(name in FUSES));
  if (unset.length > 0) throw new Error(`build/fuses.mjs sets no value for the fuse(s) ${unset.join(', ')}`);
  const unknown = Object.keys(FUSES).filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new Error(`build/fuses.mjs names fuse(s) that @electron/fuses does not know: ${unknown.join(', ')}`);
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature,
    ...Object.fromEntries(names.map((name) => [FuseV1Options[name], FUSES[name]])),
  };
}
