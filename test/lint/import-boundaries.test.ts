import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Each fixture is linted with the project's real configuration as if it stood in the room
// named by the second column; the normal lint run ignores the fixtures folder.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/boundaries/${name}`, import.meta.url), 'utf8');

async function boundaryErrors(name: string, pretendPath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(fixture(name), { filePath: pretendPath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('import boundaries between the rooms', () => {
  it.each([
    ['app-imports-electron.ts', 'app/barong/app-imports-electron.ts', 'app/ is the environment-neutral core'],
    ['app-imports-react.ts', 'app/commands/app-imports-react.ts', 'app/ is the environment-neutral core'],
    ['app-imports-main.ts', 'app/barong/app-imports-main.ts', 'app/ is the environment-neutral core'],
    ['renderer-imports-main.ts', 'renderer/renderer-imports-main.ts', 'renderer/ reaches the world only through window.api'],
    ['renderer-imports-node.ts', 'renderer/renderer-imports-node.ts', 'renderer/ reaches the world only through window.api'],
    ['main-imports-renderer.ts', 'main/main-imports-renderer.ts', 'main/ may import app/ only'],
    ['main-imports-sandbox.ts', 'main/barong/main-imports-sandbox.ts', 'main/ may import app/ only'],
    // Electron only at its doors: the backend (vault, barong, services, the preload's helpers) runs without it.
    ['main-imports-electron.ts', 'main/vault/main-imports-electron.ts', 'Only main/electron/, main/index.ts and the preload entry may import electron'],
    ['main-imports-electron.ts', 'main/services/main-imports-electron.test.ts', 'Only main/electron/, main/index.ts and the preload entry may import electron'],
    ['main-imports-electron.ts', 'main/preload/build-api.ts', 'Only main/electron/, main/index.ts and the preload entry may import electron'],
    ['main-imports-electron.ts', 'main/electron-helpers.ts', 'Only main/electron/, main/index.ts and the preload entry may import electron'],
    ['cli-imports-main-electron.ts', 'cli/commands/cli-imports-main-electron.ts', 'never its Electron parts'],
    ['cli-imports-main-window.ts', 'cli/cli-imports-main-window.ts', 'never its Electron parts'],
    ['cli-imports-main-ipc.ts', 'cli/cli-imports-main-ipc.ts', 'never its Electron parts'],
    ['cli-imports-main-preload.ts', 'cli/cli-imports-main-preload.ts', 'never its Electron parts'],
    ['cli-imports-main-index.ts', 'cli/cli-imports-main-index.ts', 'never its Electron parts'],
    ['cli-imports-main-folder.ts', 'cli/cli-imports-main-folder.ts', 'never its Electron parts'],
  ])('rejects %s as %s', async (name, pretendPath, reason) => {
    const errors = await boundaryErrors(name, pretendPath);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it.each([
    ['renderer-imports-app-types.ts', 'renderer/renderer-imports-app-types.ts'],
    ['cli-imports-main-and-sandbox.ts', 'cli/cli-imports-main-and-sandbox.ts'],
    ['main-imports-sandbox.ts', 'main/barong/main-imports-sandbox.test.ts'],
    ['main-imports-sandbox.ts', 'main/barong/tests/exchange-fixture.ts'],
    ['main-imports-electron.ts', 'main/electron/main-imports-electron.ts'],
    ['main-imports-electron.ts', 'main/electron/main-imports-electron.test.ts'],
    ['main-imports-electron.ts', 'main/index.ts'],
    ['main-imports-electron.ts', 'main/preload/index.ts'],
  ])('accepts %s as %s', async (name, pretendPath) => {
    expect(await boundaryErrors(name, pretendPath)).toEqual([]);
  });
});
