import type { Api } from '../../app/contract/api';

declare global {
  interface Window {
    /** The preload's bridge (or the browser harness's): the renderer's only way out. */
    readonly api: Api;
  }
}

export const api = (): Api => window.api;
