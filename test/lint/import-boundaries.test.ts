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

describe('import boundaries of DESIGN.md', () => {
  it.each([
    ['app-imports-electron.ts', 'app/barong/app-imports-electron.ts', 'app/ is the environment-neutral core'],
    ['app-imports-react.ts', 'app/commands/app-imports-react.ts', 'app/ is the environment-neutral core'],
    ['app-imports-main.ts', 'app/barong/app-imports-main.ts', 'app/ is the environment-neutral core'],
    ['renderer-imports-main.ts', 'renderer/renderer-imports-main.ts', 'renderer/ reaches the world only through window.api'],
    ['renderer-imports-node.ts', 'renderer/renderer-imports-node.ts', 'renderer/ reaches the world only through window.api'],
    ['main-imports-renderer.ts', 'main/main-imports-renderer.ts', 'main/ may import app/ only'],
    ['main-imports-sandbox.ts', 'main/barong/main-imports-sandbox.ts', 'main/ may import app/ only'],
  ])('rejects %s', async (name, pretendPath, reason) => {
    const errors = await boundaryErrors(name, pretendPath);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it.each([
    ['renderer-imports-app-types.ts', 'renderer/renderer-imports-app-types.ts'],
    ['cli-imports-main-and-sandbox.ts', 'cli/cli-imports-main-and-sandbox.ts'],
    ['main-imports-sandbox.ts', 'main/barong/main-imports-sandbox.test.ts'],
    ['main-imports-sandbox.ts', 'main/barong/tests/exchange-fixture.ts'],
  ])('accepts %s', async (name, pretendPath) => {
    expect(await boundaryErrors(name, pretendPath)).toEqual([]);
  });
});
