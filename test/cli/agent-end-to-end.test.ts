import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { peatioPaths, rangerPaths } from '../../app/barong/paths';
import { seededKeys } from '../../main/barong/tests/exchange-sandbox';
import { startSandbox } from '../../sandbox/start-sandbox';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { connectStream } from '../../sandbox/stream-client';
import { Vault } from '../../main/vault/vault';
import { startCliServer } from '../support/cli-server';
import type { CliServer } from '../support/cli-server';
import { CLI_PATH, runCli } from '../support/run-cli';
import { runProcess } from '../support/run-process';
import { runShell } from '../support/run-shell';

// One headless agent on a real vault made by the CLI itself, serving real curl, httpie, sh and Python against the sandbox.
const PASSPHRASE = 'correct horse battery staple, agent';
const WITHDRAWS = '/api/v2/peatio/account/withdraws';
const ORDER = 'market=btcusd side=buy volume=0.01 ord_type=limit price=9000';

let sandbox: RunningSandbox;
let dir: string;
let vaultFile: string;
let agent: CliServer<{ agent: string; tokenFile: string }>;
let secret: string;
/** The environment every client gets: where the agent is, and `barong-vault` on PATH as an install puts it. No secret. */
let clientEnv: Record<string, string>;

const sh = (script: string, env: Record<string, string> = {}) => runShell('sh', script, { ...clientEnv, ...env }, dir);
const never = (...texts: string[]) => texts.forEach((text) => expect(text).not.toContain(secret));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: true });
  dir = mkdtempSync(join(tmpdir(), 'barong-agent-e2e-'));
  vaultFile = join(dir, 'server', 'vault.db');
  const bin = join(dir, 'bin');
  const shim = join(bin, 'barong-vault');
  await runProcess('mkdir', ['-p', bin]);
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`);
  chmodSync(shim, 0o755);

  const { trade } = seededKeys(sandbox);
  secret = trade.secret;
  expect((await runCli(['vault', 'create', '--vault', vaultFile], { stdin: `${PASSPHRASE}\n${PASSPHRASE}\n` })).code).toBe(0);
  const added = await runCli(
    ['keys', 'add', '--vault', vaultFile, '--account', 'Sandbox', '--base', sandbox.url, '--kid', trade.kid, '--label', 'bot', '--policy', 'trade'],
    {
      stdin: `${PASSPHRASE}\n${trade.secret}\n`,
    },
  );
  expect(added).toMatchObject({ code: 0 });

  agent = await startCliServer(['agent', '--vault', vaultFile, '--socket', join(dir, 'run', 'agent.sock')], { stdin: `${PASSPHRASE}\n` });
  clientEnv = { PATH: `${bin}:${process.env.PATH ?? ''}`, BARONG_AGENT: agent.line.agent, BARONG_AGENT_TOKEN_FILE: agent.line.tokenFile };
}, 60_000);

afterAll(async () => {
  await agent?.stop();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the headless agent', () => {
  it('announces its socket and token file in one JSON line; the socket 0600 in a 0700 folder, the token 0600 beside the vault', () => {
    expect(agent.line).toEqual({ agent: join(dir, 'run', 'agent.sock'), tokenFile: join(dir, 'server', 'agent.token') });
    expect(statSync(agent.line.agent).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'run')).mode & 0o777).toBe(0o700);
    expect(statSync(agent.line.tokenFile).mode & 0o777).toBe(0o600);
  });

  it('prints the two variables for a running agent, and refuses to when none answers', async () => {
    const printed = await runCli(['agent', '--print-env', '--vault', vaultFile, '--socket', agent.line.agent]);
    expect(printed).toMatchObject({ code: 0, stdout: `BARONG_AGENT=${agent.line.agent}\nBARONG_AGENT_TOKEN_FILE=${agent.line.tokenFile}\n` });
    const none = await runCli(['agent', '--print-env', '--vault', vaultFile, '--socket', join(dir, 'nobody.sock')]);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('No signing agent answers');
  });

  it('lists its keys with their policy, and no secret', async () => {
    const listed = await sh('barong-vault keys');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^LABEL +KID +ACCOUNT +POLICY +BUDGET +EXCHANGE\nbot +[0-9a-f]+ +Sandbox +trade +6000\/300s +http:\/\/127\.0\.0\.1:\d+\n$/);
    never(listed.stdout, listed.stderr);
  });

  it('signs through sign --key in every format the exchange takes: curl and httpie get the balances', async () => {
    for (const format of ['curl', 'httpie']) {
      const run = await sh(`barong-vault sign --key bot --format ${format} GET ${peatioPaths.balances} | sh`);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'btc' })]));
      never(run.stdout, run.stderr);
    }
  });

  it('writes a script that asks the agent at each run; it places an order, and runs unchanged under exec with no secret anywhere', async () => {
    const script = await sh(`barong-vault sign --format script --via agent --base ${sandbox.url} POST ${peatioPaths.orders} ${ORDER}`);
    expect(script.code, script.stderr).toBe(0);
    never(script.stdout);
    writeFileSync(join(dir, 'order.sh'), script.stdout);
    const placed = await sh('sh order.sh', { BARONG_KEY: 'bot' });
    expect(JSON.parse(placed.stdout)).toMatchObject({ market: 'btcusd', side: 'buy', price: '9000.0', state: 'wait' });
    // The same script and a program that prints its environment, under exec: the key and the agent, never the secret.
    const underExec = await sh(`BARONG_SECRET=leaked barong-vault exec --key bot -- sh -c 'env; sh order.sh'`);
    expect(underExec.code, underExec.stderr).toBe(0);
    expect(underExec.stdout).toContain('BARONG_KEY=bot');
    expect(underExec.stdout).toContain(`BARONG_AGENT=${agent.line.agent}`);
    expect(underExec.stdout).not.toContain('BARONG_SECRET');
    expect(underExec.stdout).toContain('"state":"wait"');
    never(underExec.stdout, underExec.stderr);
  });

  it('refuses in words what the policy does not allow, a wrong token and an unknown key, each with its exit code', async () => {
    const withdraw = await sh(`barong-vault sign --key bot POST ${WITHDRAWS} currency=btc amount=1`);
    expect(withdraw.code).toBe(3);
    expect(withdraw.stderr).toMatch(/Refused: POST .*withdraws moves funds out/);

    writeFileSync(join(dir, 'wrong.token'), 'f'.repeat(64));
    const wrongToken = await sh(`barong-vault sign --key bot GET ${peatioPaths.balances}`, { BARONG_AGENT_TOKEN_FILE: join(dir, 'wrong.token') });
    expect(wrongToken.code).toBe(3);
    expect(wrongToken.stderr).toMatch(/token/i);

    const unknown = await sh(`barong-vault exec --key nobody -- true`);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"nobody"');
  });
});

describe('the signing proxy through the agent', () => {
  let proxy: CliServer<{ url: string }>;
  beforeAll(async () => {
    proxy = await startCliServer(['proxy', '--key', 'bot'], { env: clientEnv });
  });
  afterAll(async () => {
    await proxy.stop();
  });

  it('announces its url on 127.0.0.1 with a path token', () => {
    expect(proxy.line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{43}$/);
  });

  it('serves curl, httpie and Python with no signing code: balances, an order placed and cancelled', async () => {
    const { url } = proxy.line;
    const balances = await sh(`curl -sS '${url}${peatioPaths.balances}'`);
    expect(JSON.parse(balances.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'usd' })]));

    const placed = await sh(`http --ignore-stdin --body POST '${url}${peatioPaths.orders}' ${ORDER}`);
    const order = JSON.parse(placed.stdout) as { id: number; state: string };
    expect(order.state).toBe('wait');

    const python = [
      'import json, sys, urllib.request',
      `request = urllib.request.Request(sys.argv[1] + '${peatioPaths.orders}/' + sys.argv[2] + '/cancel', method='POST', data=b'')`,
      'print(urllib.request.urlopen(request).read().decode())',
    ].join('\n');
    const cancelled = await runProcess('python3', ['-c', python, url, String(order.id)]);
    expect(cancelled.stderr).toBe('');
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ id: order.id });
  });

  it("refuses a withdrawal under the trade policy, a browser's Origin and a foreign Host, in words", async () => {
    const { url } = proxy.line;
    const withdraw = await sh(
      `curl -sS -w '\\n%{http_code}' -X POST '${url}${WITHDRAWS}' -H 'Content-Type: application/json' -d '{"currency":"btc","amount":"1"}'`,
    );
    expect(withdraw.stdout).toMatch(/moves funds out[\s\S]*\n403$/);
    const origin = await sh(`curl -sS -w '\\n%{http_code}' -X POST '${url}${peatioPaths.orders}' -H 'Origin: https://evil.example' -d '{}'`);
    expect(origin.stdout).toMatch(/Origin[\s\S]*\n403$/);
    const host = await sh(`curl -sS -o /dev/null -w '%{http_code}' '${url}${peatioPaths.balances}' -H 'Host: evil.example'`);
    expect(['403', '421']).toContain(host.stdout);
  });

  it('signs the private ranger stream at connect time: an order placed through the proxy arrives on it', async () => {
    const { url } = proxy.line;
    const attempt = await connectStream(`${url.replace('http:', 'ws:')}${rangerPaths.private}?stream=order`);
    if (!attempt.opened) throw new Error(`stream refused: ${attempt.status} ${attempt.body}`);
    const { stream } = attempt;
    try {
      expect(await stream.next()).toEqual({ success: { message: 'subscribed', streams: ['order'] } });
      const placed = await sh(
        `curl -sS -X POST '${url}${peatioPaths.orders}' -H 'Content-Type: application/json' -d '{"market":"btcusd","side":"sell","volume":"0.02","ord_type":"limit","price":"99000"}'`,
      );
      const { id } = JSON.parse(placed.stdout) as { id: number };
      expect(await stream.next()).toMatchObject({ order: { id, side: 'sell' } });
    } finally {
      await stream.close();
    }
  });
});

describe('the proxy on its own vault', () => {
  it("unlocks the vault itself and serves; its gate's refusals and the agent's are in the vault's audit log", async () => {
    const proxy = await startCliServer<{ url: string }>(['proxy', '--key', 'bot', '--vault', vaultFile], {
      stdin: `${PASSPHRASE}\n`,
      env: { PATH: clientEnv.PATH ?? '' },
    });
    onTestFinished(() => proxy.stop().then(() => undefined));
    const balances = await sh(`curl -sS '${proxy.line.url}${peatioPaths.balances}'`);
    expect(balances.stdout).toContain('"currency"');
    const wrongToken = await sh(`curl -sS -w '\\n%{http_code}' '${proxy.line.url.replace(/\/t\/.*/, '/t/guessed')}${peatioPaths.balances}'`);
    expect(wrongToken.stdout).toMatch(/token[\s\S]*\n403$/);
    expect(await proxy.stop()).toBe(0);
    never(proxy.stderr());
    const vault = Vault.open({ path: vaultFile });
    try {
      await vault.access.unlock(PASSPHRASE);
      const refusals = vault
        .auditLog(50)
        .filter((entry) => entry.action === 'agent-refused')
        .map((entry) => entry.outcome);
      // The proxy's gate here, and the agent's, earlier, for the wrong token file: both in the one audit log.
      expect(refusals).toEqual(
        expect.arrayContaining([expect.stringMatching(/barong-vault proxy.*token/), expect.stringMatching(/agent: wrong or missing token/)]),
      );
    } finally {
      vault.close();
    }
    expect(readFileSync(vaultFile).includes(Buffer.from(secret))).toBe(false);
  });
});
