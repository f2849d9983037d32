import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The fuse sentinel of @electron/fuses (its src/constants.ts), which marks the wire in a real binary.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/**
 * Electron 45's fuses as it ships them, in wire order ('1' on, '0' off): RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8 snapshot
 * off, file:// privileges on, Wasm trap handlers on. The tests see which ones the hook flipped.
 */
export const ELECTRON_DEFAULT_WIRE = '101100011';

/**
 * An unpacked Linux Electron for electron-builder's `electronDist`, made in `dir`: an `electron`
 * "executable" that is a shell script holding a fuse wire, which @electron/fuses reads and flips
 * as in the real binary; `fuses` is its wire. This machine cannot download Electron; the
 * packaging around it is real. Returns the folder.
 */
export function makeStandInElectron(dir: string, fuses = ELECTRON_DEFAULT_WIRE): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([FUSE_WIRE_VERSION, fuses.length]), Buffer.from(fuses)]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in for Electron, never run\nexit 1\n'), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron LICENSE file.\n');
  writeFileSync(join(dir, 'version'), '45.5.0');
  return dir;
}
