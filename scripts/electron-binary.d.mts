export declare const MISSING_ELECTRON: string;
export declare function electronBinary(root: string): string | null;
