import { EventEmitter } from 'node:events';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Logger } from '../logging/logger';
import { contentSecurityPolicy } from '../window/content-security-policy';
import type { webPreferences } from '../window/web-preferences';
import { registerAppScheme, secureEveryWebContents, secureSession, secureWebContents } from './secure-window';
import type { GuardedContents, HardenableSession, LinkOpener } from './secure-window';

// Electron cannot start here (its binary is downloaded on first run): the adapter is given fakes
// that record what it installs, and the test then drives the installed handlers.
vi.mock('electron', () => ({ app: undefined, protocol: undefined, shell: undefined }));

/** Lets every pending promise callback run: what the adapter does after an async call settles. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

function required<T>(value: T | null | undefined): T {
  if (value === undefined || value === null) throw new Error('the adapter did not install this handler');
  return value;
}

function fakeSession() {
  const installed: {
    protocol?: { scheme: string; handler: (request: Request) => Response | Promise<Response> };
    request?: Parameters<Electron.Session['setPermissionRequestHandler']>[0];
    check?: Parameters<Electron.Session['setPermissionCheckHandler']>[0];
    device?: Parameters<Electron.Session['setDevicePermissionHandler']>[0];
  } = {};
  const session: HardenableSession = {
    protocol: { handle: (scheme, handler) => (installed.protocol = { scheme, handler }) },
    setPermissionRequestHandler: (handler) => (installed.request = handler),
    setPermissionCheckHandler: (handler) => (installed.check = handler),
    setDevicePermissionHandler: (handler) => (installed.device = handler),
  };
  return { session, installed };
}

class FakeContents extends EventEmitter implements GuardedContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: a cancellable event whose preventDefault the test can observe. */
  fire(name: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = '') {
    const event = { url, preventDefault: vi.fn() };
    this.emit(name, event);
    return event.preventDefault;
  }
}

function fakeOpener(openExternal: LinkOpener['openExternal'] = async () => undefined) {
  const warnings: Array<[string, unknown]> = [];
  const logger: Logger = { info: () => undefined, warn: (event, fields) => warnings.push([event, fields]) };
  return { opener: { openExternal: vi.fn(openExternal), logger }, warnings };
}

const ALL_PERMISSIONS = [
  'media',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'openExternal',
  'geolocation',
  'hid',
  'usb',
  'serial',
  'fullscreen',
] as const;

describe('adapter types', () => {
  // The fakes below stand in for Electron's objects; this fails to compile if the adapter's
  // narrow types ever stop matching the real ones.
  it("take Electron's own session and web contents, and give it webPreferences it accepts (checked by tsc)", () => {
    expectTypeOf<ReturnType<typeof webPreferences>>().toExtend<Electron.WebPreferences>();
    expectTypeOf<Electron.Session>().toExtend<HardenableSession>();
    expectTypeOf<Electron.WebContents>().toExtend<GuardedContents>();
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme that cannot bypass the CSP', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([{ scheme: 'app', privileges: { standard: true, secure: true, corsEnabled: true } }]);
  });
});

describe('secureSession', () => {
  it('serves the app protocol from the renderer folder, with the CSP', async () => {
    const { session, installed } = fakeSession();
    secureSession(session, '/nonexistent/renderer');
    expect(installed.protocol?.scheme).toBe('app');
    const answer = await required(installed.protocol).handler(new Request('app://barong-vault/index.html'));
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it('denies every permission request and check, and every device', () => {
    const { session, installed } = fakeSession();
    secureSession(session, '/r');
    const contents = {} as Electron.WebContents;
    for (const permission of ALL_PERMISSIONS) {
      const callback = vi.fn();
      required(installed.request)(contents, permission, callback, {} as Electron.PermissionRequest);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(required(installed.check)(contents, permission, 'app://barong-vault', {} as Electron.PermissionCheckHandlerHandlerDetails), permission).toBe(
        false,
      );
    }
    expect(required(installed.device)({} as Electron.DevicePermissionHandlerHandlerDetails)).toBe(false);
  });
});

describe('secureWebContents', () => {
  it('refuses navigation away from the app, and opens https links in the browser instead', () => {
    const contents = new FakeContents();
    const { opener, warnings } = fakeOpener();
    secureWebContents(contents, opener);

    expect(contents.fire('will-navigate', 'https://exchange.example/login')).toHaveBeenCalled();
    expect(opener.openExternal).toHaveBeenCalledExactlyOnceWith('https://exchange.example/login');
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(contents.fire('will-navigate', 'http://exchange.example/')).toHaveBeenCalled();
    expect(opener.openExternal).toHaveBeenCalledTimes(1);
    expect(warnings).toContainEqual(['window.navigation_denied', { kind: 'navigate', scheme: 'file:' }]);
  });

  it('lets the app navigate within its own origin', () => {
    const contents = new FakeContents();
    const { opener } = fakeOpener();
    secureWebContents(contents, opener);
    expect(contents.fire('will-navigate', 'app://barong-vault/index.html')).not.toHaveBeenCalled();
    expect(contents.fire('will-redirect', 'app://barong-vault/index.html')).not.toHaveBeenCalled();
  });

  it('refuses redirects away from the app without opening anything', () => {
    const contents = new FakeContents();
    const { opener } = fakeOpener();
    secureWebContents(contents, opener);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(opener.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window; an https one opens in the browser', () => {
    const contents = new FakeContents();
    const { opener } = fakeOpener();
    secureWebContents(contents, opener);
    expect(contents.windowOpenHandler?.({ url: 'https://docs.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://barong-vault/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'smb://attacker/share' })).toEqual({ action: 'deny' });
    expect(opener.openExternal.mock.calls).toEqual([['https://docs.example/']]);
  });

  it('prevents every webview from attaching', () => {
    const contents = new FakeContents();
    secureWebContents(contents, fakeOpener().opener);
    expect(contents.fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('logs a browser that failed to open, by error name only', async () => {
    const contents = new FakeContents();
    const { opener, warnings } = fakeOpener(async () => {
      throw new TypeError('no handler for https://docs.example/?token=x');
    });
    secureWebContents(contents, opener);
    contents.windowOpenHandler?.({ url: 'https://docs.example/?token=x' });
    await settled();
    expect(warnings).toEqual([['window.open_external_failed', { error: 'TypeError' }]]);
  });
});

describe('secureEveryWebContents', () => {
  it('guards each web contents the app creates', () => {
    const app = new EventEmitter();
    const { opener } = fakeOpener();
    secureEveryWebContents(opener.logger, app, opener);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.fire('will-attach-webview')).toHaveBeenCalled();
  });
});
