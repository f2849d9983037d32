import type { Metafile } from 'esbuild';

export declare const ROOT: string;
export declare function buildCli(distDir?: string): Promise<Metafile>;
