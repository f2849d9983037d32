import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import type { ChannelName } from '../../../app/contract/channels';
import { contract } from '../../../app/contract/channels';
import type { ChannelResult, RequestOf, ResponseOf } from '../../../app/contract/api';
import type { EventName, EventPayload } from '../../../app/contract/events';
import { resultSchema } from '../../../app/contract/result';
import type { Logger } from '../../logging/logger';
import type { CodeClock } from '../../barong/session/one-time-codes';
import type { ClipboardCopier } from '../../clipboard/clipboard-copier';
import { FakeKeychain } from '../../vault/tests/fake-keychain';
import { TEST_SCRYPT_COST } from '../../vault/tests/vault-fixture';
import { createBackend } from '../create-backend';
import type { Backend } from '../create-backend';

export { PASSPHRASE } from '../../vault/tests/vault-fixture';

/** Log lines kept in memory, so that tests can look for what must never be in them. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (event: string, fields = {}) => {
    lines.push(JSON.stringify({ level, event, ...fields }));
  };
  return { lines, info: write('info'), warn: write('warn') };
}

export interface TestBackend {
  backend: Backend;
  keychain: FakeKeychain;
  logger: ReturnType<typeof memoryLogger>;
  dataDir: string;
  events: Array<{ name: EventName; payload: unknown }>;
  /** Calls a channel and checks that the Result is well-formed for it. */
  call<C extends ChannelName>(channel: C, input?: RequestOf<C> | unknown): Promise<ChannelResult<C>>;
  /** The value of a call that must succeed. */
  value<C extends ChannelName>(channel: C, input?: RequestOf<C>): Promise<ResponseOf<C>>;
  /** The error code of a call that must fail. */
  errorCode(channel: ChannelName, input?: unknown): Promise<string>;
  eventsNamed<E extends EventName>(name: E): Array<EventPayload<E>>;
}

/** A backend on a temp data folder with a fake keychain and the fast scrypt cost, closed when the test ends. */
export function testBackend(options: { clock?: CodeClock; clipboard?: ClipboardCopier } = {}): TestBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'barong-backend-'));
  const keychain = new FakeKeychain();
  const logger = memoryLogger();
  const backend = createBackend({
    dataDir,
    keychain,
    appVersion: '0.1.0-test',
    logger,
    scryptCost: TEST_SCRYPT_COST,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.clipboard ? { clipboard: options.clipboard } : {}),
  });
  onTestFinished(() => {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const events: TestBackend['events'] = [];
  backend.onEvent((name, payload) => events.push({ name, payload }));

  const call = async <C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelResult<C>> => {
    const result = await backend.channels[channel](input);
    expectWellFormed(channel, result);
    return result;
  };
  return {
    backend,
    keychain,
    logger,
    dataDir,
    events,
    call,
    value: async (channel, input) => {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    errorCode: async (channel, input) => {
      const result = await call(channel, input);
      if (result.ok) throw new Error(`${channel} succeeded where it should fail.`);
      return result.error.code;
    },
    eventsNamed: <E extends EventName>(name: E) => events.filter((event) => event.name === name).map((event) => event.payload as EventPayload<E>),
  };
}

/** The Result matches the channel's strict response schema, or is a well-formed error. */
export function expectWellFormed(channel: ChannelName, result: unknown): void {
  const checked = resultSchema(contract[channel].response).safeParse(result);
  expect(checked.success, `${channel} answered ${JSON.stringify(result)?.slice(0, 500)}`).toBe(true);
}
