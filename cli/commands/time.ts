import { AppError } from '../../app/app-error';
import { clockOffsetTooLargeWords, clockSkewWarning, DEFAULT_NONCE_LIFETIME_MS, isClockOffsetAllowed } from '../../app/domain/clock';
import { measureClockOffset } from '../../main/barong/clock/measure-offset';
import { userAgent } from '../../main/barong/user-agent';
import { silentLogger } from '../../main/logging/logger';
import { EXIT_OK } from '../io';
import type { Command } from '../io';
import { parseInteger, parseOptions } from '../parse-options';
import { cliVersion } from '../version';

export const timeHelp = `Usage: barong-vault time --base URL [--json] [--nonce-lifetime-ms N]

Measures how far the exchange's clock is from this computer's (GET
/api/v2/barong/identity/time, three round trips, the shortest kept). Barong refuses
a nonce more than the nonce lifetime (5 s by default) away from its clock.

Options:
  --base URL              the exchange, e.g. https://exchange.example
  --json                  print {"offsetMs", "uncertaintyMs", "roundTripMs", "source"}
  --nonce-lifetime-ms N   warn when the offset exceeds half of it (default: ${DEFAULT_NONCE_LIFETIME_MS})
  -h, --help              show this help
`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

export const time: Command = async (argv, io) => {
  const { values, positionals } = parseOptions(argv, {
    base: { type: 'string' },
    json: { type: 'boolean' },
    'nonce-lifetime-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(timeHelp);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new AppError('usage', `Unexpected argument "${positionals[0]}".`);
  if (values.base === undefined) throw new AppError('usage', 'time needs --base URL (the exchange).');
  const lifetimeMs = parseInteger(values['nonce-lifetime-ms'], '--nonce-lifetime-ms', 1) ?? DEFAULT_NONCE_LIFETIME_MS;
  try {
    new URL(values.base);
  } catch {
    throw new AppError('usage', `--base is not a URL: "${values.base}".`);
  }
  const measured = await measureClockOffset({ baseUrl: values.base, userAgent: userAgent(cliVersion), logger: silentLogger, timeoutMs: 10_000 });
  if (values.json) {
    io.stdout.write(`${JSON.stringify(measured)}\n`);
  } else {
    const direction = measured.offsetMs >= 0 ? 'ahead of' : 'behind';
    io.stdout.write(
      `The exchange's clock is ${seconds(Math.abs(measured.offsetMs))} ${direction} this computer's ` +
        `(±${seconds(measured.uncertaintyMs)}, round trip ${measured.roundTripMs} ms, from ${measured.source}).\n` +
        (isClockOffsetAllowed(measured.offsetMs)
          ? `Sign with --offset-ms=${measured.offsetMs} to match it.\n`
          : `${clockOffsetTooLargeWords(measured.offsetMs)}\n`),
    );
  }
  if (clockSkewWarning(measured, lifetimeMs)) {
    io.stderr.write(
      `warning: the offset is more than half the nonce lifetime (${lifetimeMs / 1000} s): signed commands may be refused. Fix this computer's clock or sign with --offset-ms.\n`,
    );
  }
  return EXIT_OK;
};
