// The preload of a sandboxed renderer: it can require only a few of Electron's modules, so the
// build bundles everything else into one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, overIpcRenderer } from './build-api';

contextBridge.exposeInMainWorld('api', buildApi(...overIpcRenderer(ipcRenderer)));
