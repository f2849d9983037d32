import { AppError } from '../app/app-error';
import type { SandboxOptions } from './start-sandbox';
import { startSandbox } from './start-sandbox';

export const sandboxHelp = `Usage: barong-vault sandbox [options]

Runs a Barong-compatible server (Barong identity, API keys, a small Peatio) on 127.0.0.1, for
tests and demos. Everything is held in memory and lost when it stops.

As soon as it listens it prints one JSON line on stdout:
  {"url": "http://127.0.0.1:PORT", "users": [{"email", "password", "totpSecret", "state", "otp"}, ...]}
with "apiKeys": [{"email", "kid", "secret"}, ...] added under --seed. It then runs until
SIGTERM or SIGINT (Ctrl-C).

Options:
  --port N                 port to listen on; 0 (default) takes any free port
  --nonce-lifetime-ms N    API-key nonce window in ms (default 5000)
  --secret-shape SHAPE     how a new key's secret is sent: plain (Barong 2.6, default)
                           or vault (Barong 2.5 and older)
  --session-expire-s N     idle session expiry in seconds (default 1800)
  --clock-offset-ms N      run the server's clock N ms ahead of this computer's
                           (negative: behind), to try out clock skew (default 0)
  --seed                   add demo balances, orders, trades and ready API keys
  --captcha                demand a captcha on login, as an exchange with reCAPTCHA does:
                           identity/configs answers captcha_type "recaptcha", and a login
                           without a solved captcha is refused (400 identity.captcha.required)
  --help                   show this help
`;

type ParsedArgs = { help: true } | { help: false; options: SandboxOptions };

const VALUE_FLAGS = new Set(['--port', '--nonce-lifetime-ms', '--secret-shape', '--session-expire-s', '--clock-offset-ms']);
// A day either way: far more skew than any test of a nonce window or a TOTP period needs.
const MAX_CLOCK_OFFSET_MS = 86_400_000;

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new AppError('usage', `${flag} takes a whole number from ${min} to ${max}, not "${value}".`);
  }
  return Number(value);
}

/** Reads `--flag value` and `--flag=value`; anything unknown or malformed is a usage error. */
export function parseSandboxArgs(argv: readonly string[]): ParsedArgs {
  const options: SandboxOptions = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const [flag = '', inline] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--seed' || flag === '--captcha') {
      if (inline !== undefined) throw new AppError('usage', `${flag} takes no value.`);
      options[flag === '--seed' ? 'seed' : 'captcha'] = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) throw new AppError('usage', `Unknown option "${argument}".`);
    const value = inline ?? argv[++index];
    if (value === undefined) throw new AppError('usage', `${flag} needs a value.`);
    if (flag === '--port') options.port = wholeNumber(flag, value, 0, 65535);
    if (flag === '--nonce-lifetime-ms') options.nonceLifetimeMs = wholeNumber(flag, value, 1, 86_400_000);
    if (flag === '--clock-offset-ms') options.clockOffsetMs = wholeNumber(flag, value, -MAX_CLOCK_OFFSET_MS, MAX_CLOCK_OFFSET_MS);
    if (flag === '--session-expire-s') options.sessionExpireS = wholeNumber(flag, value, 1, 86_400);
    if (flag === '--secret-shape') {
      if (value !== 'plain' && value !== 'vault') throw new AppError('usage', `--secret-shape is plain or vault, not "${value}".`);
      options.secretShape = value;
    }
  }
  return { help: false, options };
}

function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

/**
 * The `sandbox` command. Its one stdout line is parsed by other tools: the keys `url`, `users` and
 * `apiKeys` and the user fields keep their names. Requests are never logged.
 */
export async function sandboxMain(argv: string[]): Promise<number> {
  const parsed = parseSandboxArgs(argv);
  if (parsed.help) {
    process.stdout.write(sandboxHelp);
    return 0;
  }
  const sandbox = await startSandbox(parsed.options);
  const stopped = untilStopSignal();
  const announcement = {
    url: sandbox.url,
    users: sandbox.users,
    ...(parsed.options.seed ? { apiKeys: sandbox.apiKeys } : {}),
  };
  process.stdout.write(`${JSON.stringify(announcement)}\n`);
  await stopped;
  await sandbox.close();
  return 0;
}
