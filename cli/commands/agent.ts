import { join } from 'node:path';
import { AppError } from '../../app/app-error';
import { posixValue } from '../../app/commands/posix-quote';
import { startAgentServer } from '../../main/agent/socket/agent-server';
import { throttledRefusalAudit } from '../../main/agent/refusal-audit';
import type { AppCore } from '../../main/core/create-app-core';
import { AGENT_TOKEN_FILE } from '../../main/agent/socket/agent-token';
import { connectAgent } from '../agent-client';
import { agentAddress } from '../agent-address';
import { EXIT_OK } from '../io';
import type { CliIo, Command } from '../io';
import { parseInteger, parseOptions } from '../parse-options';
import { servedUntilStopped } from '../served-until-stopped';
import { stderrLogger } from '../stderr-logger';
import { unlockedCore } from '../unlocked-core';
import { VAULT_OPTION, VAULT_OPTION_HELP, vaultFileOf } from '../vault-file';
import { cliVersion } from '../version';

export const agentHelp = `Usage: barong-vault agent [--vault FILE] [--socket PATH] [--lock-after MINUTES]
       barong-vault agent --print-env [--vault FILE] [--socket PATH]

Runs the signing agent without the app, for a server with no desktop: it unlocks the
vault with its passphrase (from the terminal, or the first line of standard input),
then signs for local programs under each key's policy until it is stopped (Ctrl-C,
SIGTERM) or the vault locks. Programs get headers valid for a few seconds, never a
secret. Only keys whose policy opens them to programs are offered
(barong-vault keys policy sets it).

When it serves it prints one JSON line on standard output:
  {"agent": SOCKET, "tokenFile": PATH}
and logs, as JSON lines, on standard error.

Options:
${VAULT_OPTION_HELP}
  --socket PATH          the socket to listen on (default: $BARONG_AGENT, or the
                         per-user socket the app uses)
  --lock-after MINUTES   lock, and stop, after this many minutes without a signature
                         (default: the vault's auto-lock setting; 0: only when stopped)
  --print-env            print BARONG_AGENT=... and BARONG_AGENT_TOKEN_FILE=... for the
                         running agent (values quoted where a shell needs it), for
                         set -a; eval "$(barong-vault agent --print-env)"; set +a
                         or a service's EnvironmentFile
  -h, --help             show this help
`;

async function printEnv(io: CliIo, socket: string | undefined, tokenFile: string | undefined): Promise<number> {
  const address = agentAddress({ ...io.env, ...(socket ? { BARONG_AGENT: socket } : {}), ...(tokenFile ? { BARONG_AGENT_TOKEN_FILE: tokenFile } : {}) });
  // Printed only for an agent that answers with this token: a stale line would send programs nowhere.
  const agent = await connectAgent(address, 'barong-vault agent --print-env');
  agent.close();
  io.stdout.write(`BARONG_AGENT=${posixValue(address.socket)}\nBARONG_AGENT_TOKEN_FILE=${posixValue(address.tokenFile)}\n`);
  return EXIT_OK;
}

/** Connections the agent refused and closed (a wrong token, no hello), in the vault's audit log, throttled. */
function auditedRefusals(core: AppCore) {
  const audit = throttledRefusalAudit((reason) => core.agent.recordRefusal({ reason }));
  return ({ code, reason, client }: { code: string; reason: string; client: string | null }) =>
    audit(code, `agent: ${reason}${client === null ? '' : ` (from "${client}")`}`);
}

export const agent: Command = async (argv, io) => {
  const { values, positionals } = parseOptions(argv, {
    ...VAULT_OPTION,
    socket: { type: 'string' },
    'lock-after': { type: 'string' },
    'print-env': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(agentHelp);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new AppError('usage', `Unexpected argument "${positionals[0]}".`);
  const lockAfter = parseInteger(values['lock-after'], '--lock-after', 0);
  const location = values.vault === undefined ? undefined : vaultFileOf(values.vault, io);
  const tokenFileOf = (dataDir: string) => join(dataDir, AGENT_TOKEN_FILE);
  if (values['print-env']) return printEnv(io, values.socket, location && tokenFileOf(location.dataDir));

  const vaultFile = location ?? vaultFileOf(undefined, io);
  const logger = stderrLogger(io);
  const core = await unlockedCore(vaultFile, io, logger);
  if (lockAfter !== undefined) core.autoLock.setIdleMinutes(lockAfter);
  const { service } = core.agent;
  // Without a person at a keyboard, a signature is what keeps the vault in use.
  const served = {
    handle: async (...args: Parameters<typeof service.handle>) => {
      const answer = await service.handle(...args);
      if (answer.type === 'sign') core.autoLock.userActive();
      return answer;
    },
  };
  const server = await startAgentServer({
    socketPath: values.socket ?? agentAddress(io.env).socket,
    tokenFile: tokenFileOf(vaultFile.dataDir),
    service: served,
    agentName: `barong-vault ${cliVersion}`,
    logger,
    onRefused: auditedRefusals(core),
  }).catch((error: unknown) => {
    core.close();
    throw error;
  });
  core.agent.reportClients(() => server.clients().map((client) => client.name));
  io.stdout.write(`${JSON.stringify({ agent: server.socketPath, tokenFile: server.tokenFile })}\n`);
  return servedUntilStopped({
    io,
    what: 'agent',
    stop: async () => {
      await server.close();
      core.close();
    },
    onLock: (listener) => core.onEvent((name) => name === 'vault.locked' && listener()),
  });
};
