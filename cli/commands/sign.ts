import { AppError } from '../../app/app-error';
import { checkKid, checkSecret } from '../../app/barong/credentials';
import { NonceClock, nonceExpiresAt } from '../../app/barong/nonce-clock';
import { clockOffsetTooLargeWords, DEFAULT_NONCE_LIFETIME_MS, MAX_CLOCK_OFFSET_MS } from '../../app/domain/clock';
import { signHeaders } from '../../app/barong/signature';
import { renderSignedCommand, SIGNED_COMMAND_FORMATS } from '../../app/commands/render';
import type { SignedCommandFormat } from '../../app/commands/render';
import { checkRequestSpec, HTTP_METHODS } from '../../app/commands/request';
import type { HttpMethod, RequestSpec } from '../../app/commands/request';
import { DEFAULT_SECRET_ENV, renderSigningScript } from '../../app/commands/signing-script';
import { renderAgentScript } from '../../app/commands/agent-script';
import type { AuthHeaders } from '../../app/barong/auth-headers';
import { originOf } from '../../app/barong/origin';
import { EXIT_OK } from '../io';
import type { CliIo, Command } from '../io';
import { parseInteger, parseOptions } from '../parse-options';
import { readSecret } from '../read-secret';
import { parseRequestItems } from '../request-items';

const FORMATS = ['headers', 'json', ...SIGNED_COMMAND_FORMATS, 'script'] as const;
type Format = (typeof FORMATS)[number];

export const signHelp = `Usage: barong-vault sign [options] METHOD PATH [name=value ...] [--json BODY]

Signs a request with an API key and prints the signed command (or headers).
With --key, the signing agent signs (the app's, or barong-vault agent) and no
secret is needed here; the key's exchange is the default --base. Otherwise the key
id comes from --kid or BARONG_KID, and the secret only from BARONG_SECRET or
standard input, never from the command line, where other users can see it.

Parameters:
  name=value        query parameter for GET and DELETE, JSON body field otherwise
  name==value       query parameter, whatever the method
  name:=json        JSON body field with a raw JSON value (number, true, [..], {..})
  --json BODY       the whole JSON body

Options:
  --format F              ${FORMATS.join(' | ')} (default: curl)
                          script signs when it runs: it reads the secret from an
                          environment variable and makes a fresh nonce each time;
                          it runs perl and curl, and never puts the secret in a
                          program's arguments
  --base URL              the exchange, e.g. https://exchange.example (required
                          for every format but headers and json)
  --kid KID               the key id (default: $BARONG_KID)
  --key LABEL|KID         sign through the signing agent with this key (as
                          barong-vault keys lists it), when BARONG_SECRET is not set
  --via agent|secret      for --format script: ask the agent at each run (the key
                          from --key, or $BARONG_KEY when the script runs), or sign
                          with the secret from the environment (default: secret)
  --client NAME           the name the agent shows the owner (default: $BARONG_CLIENT,
                          or "barong-vault sign")
  --nonce-lifetime-ms N   the exchange's nonce window (default: ${DEFAULT_NONCE_LIFETIME_MS})
  --offset-ms=N           add N ms (may be negative) to this computer's clock
                          (barong-vault time measures it)
  --secret-env NAME       the variable the script format reads (default: ${DEFAULT_SECRET_ENV})
  -h, --help              show this help

A signed command is valid for the nonce lifetime only (5 s by default): run it at
once, or use --format script for commands run later.

Example:
  BARONG_KID=61d025b8573501c2 BARONG_SECRET=... barong-vault sign \\
    --base https://exchange.example GET /api/v2/peatio/account/balances
`;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const localTimeOfDay = (at: Date) => `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;

function parseMethod(value: string | undefined): HttpMethod {
  const method = value?.toUpperCase();
  const known = HTTP_METHODS.find((candidate) => candidate === method);
  if (!known) throw new AppError('usage', `The method must be one of ${HTTP_METHODS.join(', ')}${value ? `, not "${value}"` : ''}.`);
  return known;
}

function parseFormat(value: string | undefined): Format {
  const format = FORMATS.find((candidate) => candidate === (value ?? 'curl'));
  if (!format) throw new AppError('usage', `--format takes one of ${FORMATS.join(', ')}, not "${value}".`);
  return format;
}

const isSignedCommandFormat = (format: Format): format is SignedCommandFormat => (SIGNED_COMMAND_FORMATS as readonly string[]).includes(format);

export const sign: Command = async (argv, io) => {
  const { values, positionals } = parseOptions(argv, {
    format: { type: 'string' },
    base: { type: 'string' },
    kid: { type: 'string' },
    key: { type: 'string' },
    via: { type: 'string' },
    client: { type: 'string' },
    json: { type: 'string' },
    'nonce-lifetime-ms': { type: 'string' },
    'offset-ms': { type: 'string' },
    'secret-env': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(signHelp);
    return EXIT_OK;
  }
  const [methodArg, path, ...items] = positionals;
  const method = parseMethod(methodArg);
  if (path === undefined) throw new AppError('usage', 'Give the path to sign, e.g. /api/v2/peatio/account/balances.');
  const format = parseFormat(values.format);
  const via = parseVia(values.via, format);
  const request = { method, path, ...parseRequestItems(method, items, values.json) };
  const throughAgent = via === 'agent' || (values.key !== undefined && !io.env[DEFAULT_SECRET_ENV]);
  if (throughAgent) {
    if (values.kid !== undefined) throw new AppError('usage', '--kid and --key name the key twice: the agent knows each key by its label or kid.');
    return signThroughAgent(io, { format, key: values.key, base: values.base, client: values.client, request });
  }
  const kid = values.kid ?? values.key ?? io.env.BARONG_KID;
  if (!kid) throw new AppError('usage', 'No key id: pass --kid or set BARONG_KID (or --key, for the signing agent).');
  const lifetimeMs = parseInteger(values['nonce-lifetime-ms'], '--nonce-lifetime-ms', 1) ?? DEFAULT_NONCE_LIFETIME_MS;
  const offsetMs = parseInteger(values['offset-ms'], '--offset-ms') ?? 0;
  // A nonce dated far ahead stays valid that much longer: the app's bound. One dated behind only expires sooner.
  if (offsetMs > MAX_CLOCK_OFFSET_MS) throw new AppError('usage', clockOffsetTooLargeWords(offsetMs));
  const needsBase = format !== 'headers' && format !== 'json';
  if (needsBase && values.base === undefined) throw new AppError('usage', `--format ${format} needs --base URL (the exchange).`);

  const spec: RequestSpec = { baseUrl: values.base ?? 'https://exchange.invalid', ...request };
  checkRequestSpec(spec);
  const warnings = checkKid(kid);

  if (format === 'script') {
    warnings.forEach((warning) => io.stderr.write(`warning: ${warning}\n`));
    const secretEnv = values['secret-env'] ?? DEFAULT_SECRET_ENV;
    io.stdout.write(`${renderSigningScript(spec, { kid, secretEnv })}\n`);
    return EXIT_OK;
  }

  const secret = await readSecret(io, DEFAULT_SECRET_ENV);
  warnings.push(...checkSecret(secret));
  warnings.forEach((warning) => io.stderr.write(`warning: ${warning}\n`));
  const clock = new NonceClock(offsetMs);
  const headers = signHeaders({ kid, secret, nonce: clock.nonce() });
  const expiresAtMs = nonceExpiresAt(headers['X-Auth-Nonce'], lifetimeMs);
  printSigned(io, format, { ...spec, headers }, { expiresAtMs, localExpiresAtMs: clock.toLocal(expiresAtMs), lifetimeMs });
  return EXIT_OK;
};

function parseVia(value: string | undefined, format: Format): 'agent' | 'secret' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'agent' && value !== 'secret') throw new AppError('usage', `--via takes agent or secret, not "${value}".`);
  if (format !== 'script') throw new AppError('usage', '--via is for --format script: the other formats sign now.');
  return value;
}

type SignedSpec = RequestSpec & { headers: AuthHeaders };

/** Prints what was signed in the format asked for, and its validity on stderr. */
function printSigned(
  io: CliIo,
  format: Exclude<Format, 'script'>,
  signed: SignedSpec,
  validity: { expiresAtMs: number; localExpiresAtMs: number; lifetimeMs: number },
) {
  const { headers } = signed;
  if (isSignedCommandFormat(format)) {
    io.stdout.write(`${renderSignedCommand(format, signed, validity.lifetimeMs).text}\n`);
  } else if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ headers, expiresAtMs: validity.expiresAtMs })}\n`);
  } else {
    io.stdout.write(
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\n`)
        .join(''),
    );
  }
  const until = localTimeOfDay(new Date(validity.localExpiresAtMs));
  io.stderr.write(`Valid for ${Math.round(validity.lifetimeMs / 100) / 10} s, until ${until} on this computer's clock.\n`);
}

interface AgentSigning {
  format: Format;
  key: string | undefined;
  base: string | undefined;
  client: string | undefined;
  request: Omit<RequestSpec, 'baseUrl'>;
}

/** Headers from the signing agent: no secret here. The key's own exchange is the base URL; another would only be refused there. */
async function signThroughAgent(io: CliIo, { format, key, base, client, request }: AgentSigning): Promise<number> {
  if (format === 'script') {
    if (base === undefined) throw new AppError('usage', '--format script needs --base URL (the exchange).');
    const spec: RequestSpec = { baseUrl: base, ...request };
    io.stdout.write(`${renderAgentScript(spec, key === undefined ? {} : { key })}\n`);
    return EXIT_OK;
  }
  if (key === undefined) throw new AppError('usage', 'Name the key with --key LABEL|KID.');
  // Loaded here, not at the top: signing with a secret starts without the socket client (npm run bench times it).
  const [{ agentAddress }, { connectAgent }] = await Promise.all([import('../agent-address'), import('../agent-client')]);
  const agent = await connectAgent(agentAddress(io.env), client ?? io.env.BARONG_CLIENT ?? 'barong-vault sign');
  try {
    const answer = await agent.sign({ key, method: request.method, path: request.path });
    if (base !== undefined && originOf(base) !== originOf(answer.baseUrl)) {
      throw new AppError('vault.origin_mismatch', `Key "${key}" signs for ${answer.baseUrl} only, not for ${base}.`);
    }
    const spec: RequestSpec = { baseUrl: base ?? answer.baseUrl, ...request };
    checkRequestSpec(spec);
    // The agent dated the nonce on the exchange's clock and gave its expiry on this computer's.
    const lifetimeMs = Math.max(0, answer.expiresAtMs - Date.now());
    printSigned(io, format, { ...spec, headers: answer.headers }, { expiresAtMs: answer.expiresAtMs, localExpiresAtMs: answer.expiresAtMs, lifetimeMs });
    return EXIT_OK;
  } finally {
    agent.close();
  }
}
