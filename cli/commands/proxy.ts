import { AppError } from '../../app/app-error';
import { keysNamed } from '../../app/agent/key-name';
import type { AgentKey } from '../../app/agent/wire';
import { isAppError } from '../../app/app-error';
import { auditGateRefusals, proxyRefusalOf, serviceSigner } from '../../main/agent/proxy/proxy-over-service';
import { startSigningProxy } from '../../main/agent/proxy/signing-proxy';
import type { ProxySigner } from '../../main/agent/proxy/signing-proxy';
import type { AppCore } from '../../main/core/create-app-core';
import { agentAddress } from '../agent-address';
import { connectAgent } from '../agent-client';
import type { AgentConnection } from '../agent-client';
import { EXIT_OK } from '../io';
import type { CliIo, Command } from '../io';
import { parseInteger, parseOptions } from '../parse-options';
import { servedUntilStopped } from '../served-until-stopped';
import { stderrLogger } from '../stderr-logger';
import { unlockedCore } from '../unlocked-core';
import { VAULT_OPTION, VAULT_OPTION_HELP, vaultFileOf } from '../vault-file';

export const proxyHelp = `Usage: barong-vault proxy --key LABEL|KID [--port N] [--vault FILE] [--client NAME]

A signing proxy on 127.0.0.1 for one key: give a bot or curl the printed url as its
base URL, and each request goes to the key's exchange with fresh X-Auth headers, its
method, path, query and body unchanged, streamed both ways. The key's policy applies.
WebSocket connections to /api/v2/ranger/private are signed at connect time.

It refuses, in words: a path without its token, a Host header other than its own, and
any request with an Origin header (a web page cannot use it). X-Auth headers sent to
it are dropped.

When it listens it prints one JSON line on standard output:
  {"url": "http://127.0.0.1:PORT/t/TOKEN"}
and logs its refusals, as JSON lines, on standard error. It runs until stopped.

Options:
  --key KEY      the key, by label or kid (required)
  --port N       the port (default: any free one)
  --vault FILE   unlock this vault here (its passphrase from the terminal or standard
                 input) instead of asking the running signing agent
${VAULT_OPTION_HELP.split('\n').slice(1).join('\n')}
  --client NAME  the name the agent shows the owner (default: "barong-vault proxy")
  -h, --help     show this help
`;

function findKey(keys: AgentKey[], name: string): AgentKey {
  const found = keysNamed(keys, name);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) throw new AppError('agent.ambiguous_key', `More than one key is called "${name}": name it by its kid.`);
  throw new AppError(
    'agent.unknown_key',
    `No key "${name}" is open to programs: barong-vault keys lists them, and the app or barong-vault keys policy opens one.`,
  );
}

/** The proxy's signer and the key it signs for: from the vault this process unlocked. */
async function signerFromVault(core: AppCore, key: string, client: string) {
  const served = { name: client, connectionId: 0 };
  const listed = await core.agent.service.handle({ v: 1, type: 'keys' }, served);
  if (listed.type !== 'keys')
    throw new AppError(listed.type === 'error' ? listed.error.code : 'internal', listed.type === 'error' ? listed.error.message : 'No key list.');
  return { key: findKey(listed.keys, key), signer: serviceSigner(core.agent.service, key, served) };
}

/** The proxy's signer through the running agent: one connection, opened again if the agent went away. */
async function signerFromAgent(io: CliIo, key: string, client: string) {
  const address = agentAddress(io.env);
  let connection: Promise<AgentConnection> = connectAgent(address, client);
  const found = findKey(await (await connection).keys(), key);
  const signer: ProxySigner = {
    sign: async ({ method, path }) => {
      try {
        return { ok: true, headers: (await (await connection).sign({ key, method, path })).headers };
      } catch (error) {
        if (isAppError(error) && (error.code === 'agent.stopped' || error.code === 'agent.not_running')) connection = connectAgent(address, client);
        return isAppError(error) ? proxyRefusalOf(error.code, error.message) : proxyRefusalOf('internal', 'The signing agent could not be asked.');
      }
    },
  };
  return { key: found, signer, close: async () => (await connection.catch(() => undefined))?.close() };
}

export const proxy: Command = async (argv, io) => {
  const { values, positionals } = parseOptions(argv, {
    ...VAULT_OPTION,
    key: { type: 'string' },
    port: { type: 'string' },
    client: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(proxyHelp);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new AppError('usage', `Unexpected argument "${positionals[0]}".`);
  if (!values.key) throw new AppError('usage', 'Name the key with --key LABEL|KID.');
  const port = parseInteger(values.port, '--port', 0);
  if (port !== undefined && port > 65_535) throw new AppError('usage', `--port takes a port number up to 65535, not ${port}.`);
  const client = values.client ?? io.env.BARONG_CLIENT ?? 'barong-vault proxy';
  const logger = stderrLogger(io);

  const core = values.vault === undefined ? undefined : await unlockedCore(vaultFileOf(values.vault, io), io, logger);
  try {
    const { key, signer, close } = core
      ? { ...(await signerFromVault(core, values.key, client)), close: async () => core.close() }
      : await signerFromAgent(io, values.key, client);
    const proxy = await startSigningProxy({
      upstream: key.baseUrl,
      signer,
      logger,
      ...(port === undefined ? {} : { port }),
      ...(core ? { onRefusal: auditGateRefusals((refusal) => core.agent.recordRefusal(refusal), client) } : {}),
    });
    io.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
    return await servedUntilStopped({
      io,
      what: 'proxy',
      stop: async () => {
        await proxy.close();
        await close();
      },
      ...(core ? { onLock: (listener: () => void) => core.onEvent((name) => name === 'vault.locked' && listener()) } : {}),
    });
  } catch (error) {
    core?.close();
    throw error;
  }
};
