import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IS_DEV_TOOL } from '../../cli/commands/sandbox';
import { REPO_ROOT } from '../support/run-cli';
import { runProcess } from '../support/run-process';
import type { ProcessResult } from '../support/run-process';

const KID = '61d025b8573501c2';
const SECRET = '2d0b4979c7fe6986daa8e21d1dc0644f';
const PASSPHRASE = 'correct horse battery staple';
// dist/cli/package.json says that the built files are CommonJS.
const SHIPPED = /^(package\.json|README\.md|SECURITY\.md|dist\/cli\/package\.json|dist\/cli\/.+\.js)$/;

// npm as a person runs it: none of the npm_* variables an `npm test` around this run sets.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
const npm = async (args: string[], cwd: string): Promise<ProcessResult> => {
  const run = await runProcess('npm', args, { cwd, env: npmEnv });
  if (run.code !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
};

/** The packages a built file requires by name, as Node resolves them at run time from node_modules. */
const packagesImported = (code: string) =>
  [...code.matchAll(/\brequire\(["']([^"'.][^"']*)["']\)/g)]
    .map((match) => match[1] as string)
    .filter((name) => !name.startsWith('node:') && !builtinModules.includes(name));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the CLI as `npm pack` packs it and `npm install -g` installs it', () => {
  let work: string;
  let packed: string[];
  let tarball: string;
  let installed: string;
  let cli: (args: string[], options?: { env?: Record<string, string>; stdin?: string }) => Promise<ProcessResult>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cli-package-'));
    // `npm pack` runs `prepare`, which builds the CLI, as it does for a release.
    const pack = await npm(['pack', '--json', '--pack-destination', work], REPO_ROOT);
    const [manifest] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    if (!manifest) throw new Error(`npm pack described no tarball:\n${pack.stdout}`);
    packed = manifest.files.map((file) => file.path);
    tarball = manifest.filename;
    // better-sqlite3 is compiled here (no prebuilt binary offline): minutes on a busy machine.
    const prefix = join(work, 'prefix');
    await npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--allow-scripts=better-sqlite3', join(work, tarball)], work);
    installed = join(prefix, 'lib', 'node_modules', 'barong-vault');
    cli = (args, options = {}) =>
      runProcess(join(prefix, 'bin', 'barong-vault'), args, { cwd: work, env: { PATH: process.env.PATH ?? '', ...options.env }, stdin: options.stdin ?? '' });
  }, 900_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ships the built CLI, the README, SECURITY.md and package.json, and no sources, sandbox, tests or tools', () => {
    expect(packed.filter((path) => !SHIPPED.test(path))).toEqual([]);
    expect(packed).toEqual(expect.arrayContaining(['dist/cli/barong-vault.js', 'dist/cli/core.js', 'dist/cli/commands/sign.js', 'README.md', 'SECURITY.md']));
  });

  it("is the tarball the README's install command names", () => {
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).toContain(`npm install -g ${tarball}\n`);
  });

  it('depends on exactly the packages its built files import: better-sqlite3, the native addon', () => {
    const { dependencies } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = new Set(filesUnder(join(installed, 'dist')).flatMap((file) => packagesImported(readFileSync(file, 'utf8'))));
    expect([...imported].sort()).toEqual(Object.keys(dependencies).sort());
    expect(Object.keys(dependencies)).toEqual(['better-sqlite3']);
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('signs with the secret from the environment: the signature is HMAC-SHA256 of nonce + kid', async () => {
    const run = await cli(['sign', '--format', 'headers', 'GET', '/api/v2/peatio/account/balances'], { env: { BARONG_KID: KID, BARONG_SECRET: SECRET } });
    expect(run.code).toBe(0);
    const headers = Object.fromEntries(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(': ')),
    ) as Record<string, string>;
    const nonce = headers['X-Auth-Nonce'] ?? '';
    expect(headers).toEqual({
      'X-Auth-Apikey': KID,
      'X-Auth-Nonce': nonce,
      'X-Auth-Signature': createHmac('sha256', SECRET)
        .update(nonce + KID)
        .digest('hex'),
    });
    expect(Math.abs(Number(nonce) - Date.now())).toBeLessThan(60_000);
  });

  it('creates a vault with the passphrase from standard input, with the native addon it was installed with', async () => {
    const file = join(work, 'server', 'vault.db');
    const run = await cli(['vault', 'create', '--vault', file], { stdin: `${PASSPHRASE}\n${PASSPHRASE}\n` });
    expect(run).toMatchObject({ code: 0, stdout: `Created a vault at ${file}, unlocked by its passphrase.\n`, stderr: '' });
    expect(existsSync(file)).toBe(true);
  });

  it('says in one line that the sandbox is a development tool, which it does not ship', async () => {
    expect(await cli(['sandbox', '--port', '0'])).toMatchObject({ code: 1, stdout: '', stderr: `barong-vault sandbox: ${SANDBOX_IS_DEV_TOOL}\n` });
  });
});
