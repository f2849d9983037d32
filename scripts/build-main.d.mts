import type { Metafile } from 'esbuild';

export declare const ROOT: string;
export declare function buildMain(outDir?: string): Promise<{ main: Metafile; preload: Metafile }>;
