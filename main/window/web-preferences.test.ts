import { describe, expect, it } from 'vitest';
import { webPreferences } from './web-preferences';

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer, with no Node anywhere and no webview', () => {
    expect(webPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('opens developer tools only when asked, and loosens nothing else', () => {
    const withTools = webPreferences('/p.cjs', { devTools: true });
    expect(withTools.devTools).toBe(true);
    expect({ ...withTools, devTools: false }).toEqual(webPreferences('/p.cjs'));
  });
});
