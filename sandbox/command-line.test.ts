import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../app/app-error';
import { CLI_PATH, REPO_ROOT } from '../test/support/run-cli';
import { parseSandboxArgs, sandboxHelp, sandboxMain } from './command-line';

describe('the sandbox command line', () => {
  it('reads every flag, in both spellings', () => {
    expect(
      parseSandboxArgs([
        '--port',
        '0',
        '--nonce-lifetime-ms=2500',
        '--secret-shape',
        'vault',
        '--session-expire-s',
        '60',
        '--clock-offset-ms',
        '-7000',
        '--seed',
        '--captcha',
      ]),
    ).toEqual({
      help: false,
      options: { port: 0, nonceLifetimeMs: 2500, secretShape: 'vault', sessionExpireS: 60, clockOffsetMs: -7000, seed: true, captcha: true },
    });
    expect(parseSandboxArgs(['--clock-offset-ms=4000'])).toEqual({ help: false, options: { clockOffsetMs: 4000 } });
    expect(parseSandboxArgs(['--seed', '--help'])).toEqual({ help: true });
  });

  it('refuses bad flags and values with a usage error', async () => {
    const bad = [
      ['--bogus'],
      ['--port'],
      ['--port', '70000'],
      ['--port', 'abc'],
      ['--secret-shape', 'json'],
      ['--nonce-lifetime-ms', '0'],
      ['--seed=yes'],
      ['--captcha=on'],
      ['--clock-offset-ms', '1.5'],
      ['--clock-offset-ms', '86400001'],
      ['--clock-offset-ms'],
    ];
    for (const argv of bad) {
      const failure = sandboxMain(argv);
      await expect(failure, argv.join(' ')).rejects.toBeInstanceOf(AppError);
      await expect(failure, argv.join(' ')).rejects.toMatchObject({ code: 'usage' });
    }
  });

  it('prints the help and exits 0', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await sandboxMain(['--help'])).toBe(0);
      expect(write).toHaveBeenCalledWith(sandboxHelp);
    } finally {
      write.mockRestore();
    }
    expect(sandboxHelp).toContain('--nonce-lifetime-ms');
    expect(sandboxHelp).toContain('--clock-offset-ms N');
    expect(sandboxHelp).toContain('--captcha ');
  });

  it('runs as a process (the built barong-vault sandbox): one JSON line on stdout, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'sandbox', '--port', '0', '--seed', '--captcha'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const lines = createInterface({ input: child.stdout });
    const output: string[] = [];
    lines.on('line', (line) => output.push(line));
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', () => reject(new Error(`the sandbox exited early: ${stderr}`)));
    });
    const announced = JSON.parse(first) as { url: string; users: { email: string; otp: boolean }[]; apiKeys: { kid: string }[] };
    expect(Object.keys(announced)).toEqual(['url', 'users', 'apiKeys']);
    expect(announced.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(announced.users).toContainEqual(expect.objectContaining({ email: 'trader@sandbox.test', otp: true }));
    expect(announced.apiKeys).toHaveLength(3);
    const ping = await fetch(`${announced.url}/api/v2/barong/identity/ping`);
    expect(await ping.json()).toEqual({ ping: 'pong' });
    const configs = await fetch(`${announced.url}/api/v2/barong/identity/configs`);
    expect(await configs.json()).toMatchObject({ captcha_type: 'recaptcha' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toHaveLength(1);
    expect(stderr).toBe('');
  });
});
