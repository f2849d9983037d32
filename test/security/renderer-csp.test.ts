import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../main/window/content-security-policy';

const page = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
const META_CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/;

describe("the renderer page's own CSP", () => {
  it("is the header's policy, less frame-ancestors, which a meta tag cannot carry", () => {
    const headerPolicy = contentSecurityPolicy()
      .split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors '));
    expect(page.match(META_CSP)?.[1]?.split('; ')).toEqual(headerPolicy);
  });

  it('comes before anything the page loads, so that it governs all of it', () => {
    const meta = page.search(META_CSP);
    expect(meta).toBeGreaterThan(-1);
    expect(meta).toBeLessThan(page.search(/<script|<link/));
  });
});
