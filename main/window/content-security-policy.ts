/**
 * The renderer's CSP, sent as a header with every answer of the app protocol.
 *
 * - No 'unsafe-inline' for styles: Vite's production build emits CSS files, and React's `style`
 *   prop sets properties through the CSSOM, which CSP does not govern. Only `<style>` elements and
 *   `style="..."` markup would need it, and the renderer uses neither.
 * - `img-src data:` lets icons be inlined by the bundler; a data: URL cannot reach the network.
 * - `connect-src 'none'`: the renderer has no network at all; every request goes through main.
 * - `base-uri`, `form-action`, `frame-*` and `object-src` are not covered by `default-src`, or
 *   would let a page be framed or submit elsewhere, so each is closed by name.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
