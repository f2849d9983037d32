import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import type { ChannelName } from '../../../app/contract/channels';
import { contract } from '../../../app/contract/channels';
import type { ChannelResult, RequestOf, ResponseOf } from '../../../app/contract/api';
import type { EventName, EventPayload } from '../../../app/contract/events';
import { resultSchema } from '../../../app/contract/result';
import type { ApprovalPrompt } from '../../agent/client-approval';
import type { Logger } from '../../logging/logger';
import type { CodeClock } from '../../barong/session/one-time-codes';
import type { SystemClipboard } from '../../clipboard/clipboard-copier';
import type { Timers } from '../../timers/timers';
import { FakeKeychain } from '../../vault/tests/fake-keychain';
import { TEST_SCRYPT_COST } from '../../vault/tests/vault-fixture';
import { createAppCore } from '../../core/create-app-core';
import type { AppCore } from '../../core/create-app-core';
import { FakeOwnerPrompt } from '../../privilege/tests/fake-owner-prompt';
import type { BackendChannels } from '../serve-channels';

export { PASSPHRASE } from '../../vault/tests/vault-fixture';

/** Log lines kept in memory, so that tests can look for what must never be in them. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write =
    (level: string) =>
    (event: string, fields = {}) => {
      lines.push(JSON.stringify({ level, event, ...fields }));
    };
  return { lines, info: write('info'), warn: write('warn') };
}

export interface TestBackend {
  core: AppCore;
  /** The channels as the page reaches them. */
  backend: { channels: BackendChannels };
  keychain: FakeKeychain;
  /** Main's native dialog: refuses unless a test sets `answer`. */
  ownerPrompt: FakeOwnerPrompt;
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
export function testBackend(options: { clock?: CodeClock; clipboard?: SystemClipboard; timers?: Timers; agentApproval?: ApprovalPrompt } = {}): TestBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'barong-backend-'));
  const keychain = new FakeKeychain();
  const ownerPrompt = new FakeOwnerPrompt();
  const logger = memoryLogger();
  const core = createAppCore({
    dataDir,
    keychain,
    ownerPrompt,
    appVersion: '0.1.0-test',
    logger,
    scryptCost: TEST_SCRYPT_COST,
    // In the test's own folder: tests run side by side, and none may take the user's own agent socket.
    agentSocket: join(dataDir, 'agent.sock'),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.clipboard ? { clipboard: options.clipboard } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.agentApproval ? { agentApproval: options.agentApproval } : {}),
  });
  const backend = { channels: core.door('page') };
  onTestFinished(async () => {
    await core.agentServers.stop();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const events: TestBackend['events'] = [];
  core.onEvent((name, payload) => events.push({ name, payload }));

  const call = async <C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelResult<C>> => {
    const result = await backend.channels[channel](input);
    expectWellFormed(channel, result);
    return result;
  };
  return {
    core,
    backend,
    keychain,
    ownerPrompt,
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
