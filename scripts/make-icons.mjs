// `node scripts/make-icons.mjs`: renders build/icon.svg into the icon files electron-builder
// reads, and writes them into build/ (they are committed; run this again after changing the SVG).
// Each size is rendered from the SVG rather than scaled down from a large PNG, which keeps small
// sizes sharp. Chromium is Debian's (CHROMIUM_PATH), as for the Playwright tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './build-main.mjs';
import { ICNS_TYPES, encodeIcns, encodeIco } from './icon-containers.mjs';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const buildDir = join(ROOT, 'build');
const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...Object.values(ICNS_TYPES)])].sort((a, b) => a - b);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const pngs = new Map();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${source}" width="${size}" height="${size}">`);
    await page.locator('img').evaluate((img) => img.decode());
    pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
} finally {
  await browser.close();
}

const pngOfSize = (size) => pngs.get(size);
mkdirSync(join(buildDir, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), pngOfSize(size));
writeFileSync(join(buildDir, 'icon.png'), pngOfSize(1024));
writeFileSync(join(buildDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: pngOfSize(size) }))));
writeFileSync(join(buildDir, 'icon.icns'), encodeIcns(pngOfSize));
console.log(`Wrote build/icon.png, build/icon.ico, build/icon.icns and build/icons/ (${LINUX_SIZES.join(', ')} px).`);
