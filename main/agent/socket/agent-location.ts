import { posix } from 'node:path';
import { AppError } from '../../../app/app-error';

/** What the default place depends on, passed in so that every platform's answer can be tested on any. */
export interface AgentLocationContext {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
  username: string;
}

const APP_FOLDER = 'Barong Vault';
const SOCKET_NAME = 'agent.sock';

/**
 * The longest socket path the system's `sockaddr_un` takes, in bytes, without the closing NUL:
 * Linux's sun_path is 108 bytes, macOS's and the BSDs' 104. A longer path is not refused by every
 * system: some cut it short, and the socket then appears somewhere else.
 */
export const socketPathMaxBytes = (platform: NodeJS.Platform): number => (platform === 'linux' ? 107 : 103);

/** Words for a socket path the system cannot take, or null when it fits. */
export function socketPathTooLong(path: string, platform: NodeJS.Platform): string | null {
  const bytes = Buffer.byteLength(path);
  const limit = socketPathMaxBytes(platform);
  if (bytes <= limit) return null;
  return `The agent's socket path ${path} is ${bytes} bytes long, and this system takes at most ${limit}: give the agent a shorter socket path.`;
}

/**
 * Where the signing agent listens for this user unless told otherwise: a socket in a folder only
 * this user may enter, or on Windows a named pipe named after the user. The app and the CLI both
 * ask here, so that a script finds the agent without configuration.
 */
export function defaultAgentSocket(context: AgentLocationContext): string {
  if (context.platform === 'win32') return windowsPipeName(context.username);
  const candidates =
    context.platform === 'darwin' ? [posix.join(context.homedir, 'Library', 'Application Support', APP_FOLDER, 'agent', SOCKET_NAME)] : unixCandidates(context);
  let refusal = '';
  for (const path of candidates) {
    const tooLong = socketPathTooLong(path, context.platform);
    if (tooLong === null) return path;
    refusal = tooLong;
  }
  throw new AppError('usage', refusal);
}

/**
 * The runtime folder is private to the user, in memory and emptied at logout: the right place for
 * a socket. Without it (or when its path is too long), the app's own folder, where Electron puts
 * the app's data, serves. The XDG spec says a relative value is to be ignored.
 */
function unixCandidates({ env, homedir }: AgentLocationContext): string[] {
  const runtime = env.XDG_RUNTIME_DIR;
  const config = env.XDG_CONFIG_HOME && posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : posix.join(homedir, '.config');
  const configSocket = posix.join(config, APP_FOLDER, 'agent', SOCKET_NAME);
  return runtime && posix.isAbsolute(runtime) ? [posix.join(runtime, 'barong-vault', SOCKET_NAME), configSocket] : [configSocket];
}

/**
 * Pipe names share one namespace across every user of the machine, so the name carries the user's.
 * A character a pipe name should not carry is spelled as its code point in hex rather than replaced
 * by one symbol, so that two users' names never meet in one pipe name ("jürgen" and "jörgen").
 * Windows user names ignore case, and so does this name.
 */
export function windowsPipeName(username: string): string {
  const spelled = [...username.toLowerCase()].map((char) => (/^[a-z0-9-]$/.test(char) ? char : `_${char.codePointAt(0)?.toString(16)}_`)).join('');
  return `\\\\.\\pipe\\barong-vault-agent-${spelled}`;
}
