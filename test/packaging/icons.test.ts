import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-main.mjs';
import { ICNS_TYPES } from '../../scripts/icon-containers.mjs';

// The icons in build/ are made by scripts/make-icons.mjs from build/icon.svg; these tests read
// them as Windows, macOS and Linux will.
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const buildFile = (...path: string[]) => readFileSync(join(ROOT, 'build', ...path));

/** Width and height of a PNG image, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const square = (size: number) => ({ width: size, height: size });

describe('the icons in build/', () => {
  it('come from an SVG source', () => {
    expect(buildFile('icon.svg').toString('utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
  });

  it('give Linux one PNG per size, named NxN.png as electron-builder expects, from 16 to 1024 px', () => {
    const names = readdirSync(join(ROOT, 'build', 'icons'));
    const sizes = names.map((name) => Number(/^(\d+)x\1\.png$/.exec(name)?.[1])).sort((a, b) => a - b);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const size of sizes) expect(pngSize(buildFile('icons', `${size}x${size}.png`)), `${size}x${size}.png`).toEqual(square(size));
    expect(pngSize(buildFile('icon.png'))).toEqual(square(1024));
  });

  it('give Windows an ICO whose entries are PNG images of the sizes their directory states, up to 256 px', () => {
    const ico = buildFile('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
      const entry = 6 + 16 * index;
      const size = ico.readUInt8(entry) || 256;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(png)).toEqual(square(size));
      return size;
    });
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it("give macOS an ICNS whose typed entries are PNG images of their type's size, up to 1024 px", () => {
    const icns = buildFile('icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const type = icns.toString('latin1', offset, offset + 4);
      types.push(type);
      expect(pngSize(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4))), type).toEqual(square(ICNS_TYPES[type] as number));
    }
    expect(types.sort()).toEqual(Object.keys(ICNS_TYPES).sort());
    expect(Math.max(...Object.values(ICNS_TYPES))).toBe(1024);
  });
});
