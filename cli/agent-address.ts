import { join } from 'node:path';
import { homedir, userInfo } from 'node:os';
import { defaultAgentSocket } from '../main/agent/socket/agent-location';
import { AGENT_TOKEN_FILE } from '../main/agent/socket/agent-token';
import type { AgentAddress } from './agent-client';
import { defaultDataDir } from './vault-location';

/** Where clients find the agent: BARONG_AGENT and BARONG_AGENT_TOKEN_FILE, or the per-user defaults the app and `barong-vault agent` use. */
export function agentAddress(env: Record<string, string | undefined>): AgentAddress {
  const where = { platform: process.platform, env, homedir: homedir(), username: userInfo().username };
  return {
    socket: env.BARONG_AGENT || defaultAgentSocket(where),
    tokenFile: env.BARONG_AGENT_TOKEN_FILE || join(defaultDataDir(where), AGENT_TOKEN_FILE),
  };
}
