import type { Metafile } from 'esbuild';

export declare const ROOT: string;
export declare const CLI_ENTRY: string;
export declare function buildCli(distDir?: string): Promise<Metafile>;
