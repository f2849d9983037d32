import { AppError } from '../../app/app-error';
import type { AgentKey } from '../../app/agent/wire';
import { agentAddress } from '../agent-address';
import { connectAgent } from '../agent-client';
import { EXIT_OK } from '../io';
import type { Command } from '../io';
import { parseOptions } from '../parse-options';

export const keysListHelp = `Usage: barong-vault keys [list] [--json]

Lists the keys the signing agent offers to programs: label, kid, account, policy
level, request budget and exchange. No secret is ever listed. The agent is found
through BARONG_AGENT and BARONG_AGENT_TOKEN_FILE, or the per-user defaults.

Options:
  --json       one JSON array, for programs
  -h, --help   show this help
`;

const COLUMNS = ['LABEL', 'KID', 'ACCOUNT', 'POLICY', 'BUDGET', 'EXCHANGE'] as const;

const row = (key: AgentKey): string[] => [
  key.label || '-',
  key.kid,
  key.account,
  key.policy.level,
  `${key.policy.budget.requests}/${key.policy.budget.windowSeconds}s`,
  key.baseUrl,
];

/** Columns padded to their widest cell, as `ls -l` and `docker ps` print. */
function table(rows: string[][]): string {
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  return rows.map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n');
}

export const keysList: Command = async (argv, io) => {
  const { values, positionals } = parseOptions(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout.write(keysListHelp);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new AppError('usage', `Unexpected argument "${positionals[0]}".`);
  const agent = await connectAgent(agentAddress(io.env), io.env.BARONG_CLIENT ?? 'barong-vault keys');
  try {
    const keys = await agent.keys();
    if (values.json) io.stdout.write(`${JSON.stringify(keys)}\n`);
    else if (keys.length === 0) io.stderr.write('The agent offers no key: open one to programs in the app, or with barong-vault keys policy.\n');
    else io.stdout.write(`${table([[...COLUMNS], ...keys.map(row)])}\n`);
    return EXIT_OK;
  } finally {
    agent.close();
  }
};
