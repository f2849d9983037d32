export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export declare function packedExecutable(context: PackedApp): string;
export default function afterPack(context: PackedApp & { arch: number }): Promise<void>;
