// electron-builder's afterPack hook (electron-builder.yml): flips the fuses of build/fuses.mjs in
// the packed Electron binary. It runs before code signing, so the signature covers the flipped fuses.
import { join } from 'node:path';
import { flipFuses } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { fuseConfig } from './fuses.mjs';

/** The Electron executable in a packed app, named as electron-builder names it per platform. */
export function packedExecutable({ appOutDir, electronPlatformName, packager }) {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return join(appOutDir, packager.executableName);
  }
}

export default async function afterPack(context) {
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === Arch.arm64;
  await flipFuses(packedExecutable(context), fuseConfig({ resetAdHocDarwinSignature }));
}
