import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { basename } from 'node:path';
import { AppError } from '../../app/app-error';
import { connectAgent } from '../agent-client';
import { agentAddress } from '../agent-address';
import { EXIT_OK } from '../io';
import type { Command } from '../io';
import { parseOptions } from '../parse-options';

export const execHelp = `Usage: barong-vault exec --key LABEL|KID [--client NAME] -- COMMAND [ARG ...]

Runs COMMAND with what it needs to ask the signing agent for signatures, and no secret:
  BARONG_AGENT             the agent's socket (or pipe)
  BARONG_AGENT_TOKEN_FILE  the file that holds the agent's token
  BARONG_KEY               the key, by label or kid
  BARONG_CLIENT            the name the agent shows the owner (default: the command's name)
BARONG_SECRET is removed from its environment. Scripts made with
barong-vault sign --format script --via agent work unchanged under it.

Options:
  --key KEY      the key, as barong-vault keys lists it (required)
  --client NAME  the name the agent shows in its approval and audit log
  -h, --help     show this help

The exit code is the command's.
`;

/** Runs a program that asks the agent itself; checks first that the agent answers and offers the key, so a typo fails here in words. */
export const exec: Command = async (argv, io) => {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const { values, positionals } = parseOptions(own, { key: { type: 'string' }, client: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout.write(execHelp);
    return EXIT_OK;
  }
  const [program, ...args] = separator === -1 ? positionals : argv.slice(separator + 1);
  if (separator === -1 && positionals.length > 0) throw new AppError('usage', 'Put -- before the command: barong-vault exec --key KEY -- COMMAND.');
  if (!program) throw new AppError('usage', 'Give the command to run after --.');
  if (!values.key) throw new AppError('usage', 'Name the key with --key LABEL|KID.');
  const address = agentAddress(io.env);
  const client = values.client ?? io.env.BARONG_CLIENT ?? basename(program);
  const agent = await connectAgent(address, client);
  try {
    const offered = await agent.keys();
    if (!offered.some((key) => key.label === values.key || key.kid === values.key)) {
      throw new AppError('agent.unknown_key', `The agent offers no key "${values.key}": barong-vault keys lists the keys open to programs.`);
    }
  } finally {
    agent.close();
  }
  const inherited = Object.fromEntries(Object.entries(io.env).filter(([name]) => name !== 'BARONG_SECRET'));
  const env = { ...inherited, BARONG_AGENT: address.socket, BARONG_AGENT_TOKEN_FILE: address.tokenFile, BARONG_KEY: values.key, BARONG_CLIENT: client };
  return new Promise<number>((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: 'inherit' });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(new AppError('usage', `Cannot run ${program}: ${error.code === 'ENOENT' ? 'no such command' : error.message}.`)),
    );
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
};
