export interface WindowOptions {
  /** Developer tools are for development builds only: they let whoever sits at the screen run code in the renderer. */
  devTools?: boolean;
}

/**
 * The renderer's sandbox, for `new BrowserWindow({ webPreferences })`. Each option is spelled
 * out, defaults included, so that a change of Electron's defaults cannot loosen it unnoticed and
 * a test can read the whole policy here. The values are typed as literals (`as const`): this
 * module stays free of Electron, and the adapter's test checks the result fits Electron's type.
 */
export function webPreferences(preloadPath: string, { devTools = false }: WindowOptions = {}) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // The spellchecker would send typed words (account names, e-mails) to a dictionary service
    // and keep a custom dictionary on disk.
    spellcheck: false,
    safeDialogs: true,
    // Dropping a file or link on the window would otherwise navigate it away from the app.
    navigateOnDragDrop: false,
    devTools,
  } as const;
}
