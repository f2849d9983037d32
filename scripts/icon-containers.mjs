// Windows .ico and macOS .icns files built from PNG images. Both formats can hold PNG data
// directly (ICO since Windows Vista, ICNS since OS X 10.7), so no pixel encoding is needed.

const ICO_HEADER = 6;
const ICO_ENTRY = 16;

/** An ICO file holding `images` ({ size, png }), each square; 256 px is stored as 0 by the format. */
export function encodeIco(images) {
  const header = Buffer.alloc(ICO_HEADER);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon, 2 = cursor
  header.writeUInt16LE(images.length, 4);
  let offset = ICO_HEADER + ICO_ENTRY * images.length;
  const entries = images.map(({ size, png }) => {
    if (size > 256) throw new RangeError(`An ICO image is at most 256 px, not ${size}`);
    const entry = Buffer.alloc(ICO_ENTRY);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/** Pixel size of each ICNS type that holds PNG data; the @2x types share a size with 1x ones. */
export const ICNS_TYPES = {
  icp4: 16,
  icp5: 32,
  ic11: 32,
  ic12: 64,
  ic07: 128,
  ic13: 256,
  ic08: 256,
  ic14: 512,
  ic09: 512,
  ic10: 1024,
};

/** An ICNS file with one entry per ICNS_TYPES type; `pngOfSize(size)` gives the PNG for a size. */
export function encodeIcns(pngOfSize) {
  const entries = Object.entries(ICNS_TYPES).map(([type, size]) => {
    const png = pngOfSize(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}
