import { app as electronApp, protocol as electronProtocol, shell } from 'electron';
import type { Logger } from '../logging/logger';
import { APP_SCHEME } from '../window/app-origin';
import { serveAppRequest } from '../window/app-protocol-response';
import { allowNavigation, externalLinkTarget } from '../window/navigation-policy';

type SchemeRegistry = Pick<Electron.Protocol, 'registerSchemesAsPrivileged'>;

/**
 * Must run before the app is ready. `standard` gives the scheme a real origin and relative URLs,
 * `secure` makes it a secure context; `corsEnabled` lets module scripts (Vite's `<script
 * type="module" crossorigin>` and its chunks) load from it. None of them lets another origin read
 * its answers (they carry no Access-Control-Allow-Origin), and bypassCSP, service workers and the
 * fetch API are left off: the renderer has no use for them.
 */
export function registerAppScheme(registry: SchemeRegistry = electronProtocol): void {
  registry.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, corsEnabled: true } }]);
}

export interface HardenableSession {
  readonly protocol: Pick<Electron.Protocol, 'handle'>;
  setPermissionRequestHandler: Electron.Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Electron.Session['setPermissionCheckHandler'];
  setDevicePermissionHandler: Electron.Session['setDevicePermissionHandler'];
}

/**
 * Serves the UI from `rendererDir` over the app protocol (CSP on every answer) and denies every
 * permission: camera, notifications, clipboard reads and writes from the page (copies go through
 * main), HID/USB/serial devices, opening external protocols. The vault's UI needs none of them.
 */
export function secureSession(session: HardenableSession, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

interface CancellableEvent {
  preventDefault(): void;
}
interface NavigationEvent extends CancellableEvent {
  readonly url: string;
}

export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: CancellableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export interface LinkOpener {
  openExternal(url: string): Promise<void>;
  logger: Logger;
}

const defaultOpener = (logger: Logger): LinkOpener => ({ openExternal: (url) => shell.openExternal(url), logger });

/**
 * Keeps a web contents on the app's origin: navigations elsewhere, redirects, new windows and
 * webviews are refused. A refused https: link goes to the user's browser instead, so links in
 * the UI still work without ever loading a foreign page next to the preload bridge.
 */
export function secureWebContents(contents: GuardedContents, opener: LinkOpener): void {
  const openOutside = (url: string) => {
    const target = externalLinkTarget(url);
    if (target === null) return;
    opener
      .openExternal(target)
      .catch((error: unknown) => opener.logger.warn('window.open_external_failed', { error: error instanceof Error ? error.name : 'unknown' }));
  };
  const refuse = (kind: string, event: NavigationEvent) => {
    event.preventDefault();
    opener.logger.warn('window.navigation_denied', { kind, scheme: schemeOf(event.url) });
  };

  contents.on('will-navigate', (event) => {
    if (allowNavigation(event.url)) return;
    refuse('navigate', event);
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!allowNavigation(event.url)) refuse('redirect', event);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

/**
 * Guards every web contents the app will ever create (the window, devtools, anything a future
 * change adds), as Electron's security checklist advises. Install it before the first window.
 */
export function secureEveryWebContents(logger: Logger, source: WebContentsSource = electronApp, opener: LinkOpener = defaultOpener(logger)): void {
  source.on('web-contents-created', (_event, contents) => secureWebContents(contents, opener));
}

// Only the scheme is logged: a URL's path and query may carry anything.
function schemeOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return 'invalid';
  }
}
