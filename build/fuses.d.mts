import type { FuseV1Config } from '@electron/fuses';

export declare const FUSES: Readonly<Record<string, boolean>>;
export declare function fuseConfig(options?: { resetAdHocDarwinSignature?: boolean }): FuseV1Config;
