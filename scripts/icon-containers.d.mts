export declare function encodeIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer;
export declare const ICNS_TYPES: Readonly<Record<string, number>>;
export declare function encodeIcns(pngOfSize: (size: number) => Buffer): Buffer;
