import { describe, expect, it, afterEach } from 'vitest';
import { AGENT_TOKEN_HEX_LENGTH, WIRE_MAX_LINE_BYTES } from '../../../app/agent/wire-constants';
import type { AgentService } from '../service-contract';
import { connectClient, echoService, startTestAgent, until } from './tests/agent-test-client';
import type { Answer, TestAgent, TestClient } from './tests/agent-test-client';
import { heldService } from './tests/held-service';

// The agent as an attacker on this computer sees it: every test plays the hostile client first,
// then checks that a well-behaved one is still served.

let running: TestAgent[] = [];
const start = async (...args: Parameters<typeof startTestAgent>) => {
  const agent = await startTestAgent(...args);
  running.push(agent);
  return agent;
};
afterEach(async () => {
  await Promise.all(running.map((agent) => agent.cleanup()));
  running = [];
});

/** The service, recording whether anything reached it. */
function watchedService() {
  const asked: string[] = [];
  const service: AgentService = {
    handle: async (request, client) => {
      asked.push(request.type);
      return echoService.handle(request, client);
    },
  };
  return { service, asked };
}

/** The one answer before the agent closes the connection. */
async function lastWords(client: TestClient): Promise<Answer> {
  const answer = await client.next();
  await client.closed;
  return answer;
}

const stillServes = async (agent: TestAgent) => {
  const client = await agent.helloClient('well-behaved');
  client.send({ id: 'ok?', type: 'status' });
  expect(await client.next()).toMatchObject({ id: 'ok?', type: 'status', ok: true });
  client.socket.destroy();
};

const refusal = (code: string) => ({ v: 1, type: 'error', ok: false, error: { code, message: expect.any(String) } });

describe.skipIf(process.platform === 'win32')('the agent against hostile clients', () => {
  describe('before hello', () => {
    it('refuses a wrong, missing or malformed token, closes, and reaches neither the service nor the client list', async () => {
      const watched = watchedService();
      const agent = await start({ service: watched.service });
      const tokens: unknown[] = [
        '0'.repeat(AGENT_TOKEN_HEX_LENGTH),
        agent.token.toUpperCase(),
        agent.token.slice(0, -1),
        undefined,
        null,
        1234,
        [agent.token],
        '',
      ];
      for (const token of tokens) {
        const client = await connectClient(agent.socketPath);
        client.send({ id: 1, type: 'hello', client: 'intruder', token });
        client.send({ id: 2, type: 'status' });
        expect(await lastWords(client)).toEqual({
          ...refusal('agent.token_refused'),
          id: 1,
          error: { code: 'agent.token_refused', message: "The agent's token is missing or wrong: read it from the agent's token file." },
        });
      }
      expect(watched.asked).toEqual([]);
      expect(agent.agent.clients()).toEqual([]);
      await stillServes(agent);
    });

    it('refuses a request before hello, and closes', async () => {
      const watched = watchedService();
      const agent = await start({ service: watched.service });
      for (const message of [
        { type: 'status' },
        { type: 'sign', key: 'main', method: 'POST', path: '/api/v2/peatio/account/withdraws' },
        { type: 'keys', token: agent.token },
      ]) {
        const client = await connectClient(agent.socketPath);
        client.send({ id: 9, ...message });
        expect(await lastWords(client)).toEqual({ ...refusal('agent.hello_first'), id: 9 });
      }
      expect(watched.asked).toEqual([]);
      await stillServes(agent);
    });

    it('refuses garbage and anything but a hello, and a hello with the right token but a name with control characters, and closes', async () => {
      const agent = await start();
      const lines: Array<[string, string]> = [
        ['not json', 'agent.bad_message'],
        ['[1,2,3]', 'agent.hello_first'],
        ['"hello"', 'agent.hello_first'],
        [`{"v":1,"type":"hello","client":"bot\\u001b[2J","token":"${agent.token}"}`, 'agent.bad_message'],
      ];
      for (const [line, code] of lines) {
        const client = await connectClient(agent.socketPath);
        client.write(`${line}\n`);
        expect(await lastWords(client), line).toMatchObject(refusal(code));
      }
      await stillServes(agent);
    });

    it('drops a client that does not say hello in time, even one that trickles bytes of a line', async () => {
      const agent = await start({ limits: { helloTimeoutMs: 200 } });
      const silent = await connectClient(agent.socketPath);
      const trickling = await connectClient(agent.socketPath);
      const trickle = setInterval(() => trickling.write('{'), 20);
      const started = Date.now();
      expect(await lastWords(silent)).toMatchObject({
        error: { code: 'agent.hello_first', message: expect.stringContaining('No hello came within 0.2 seconds') },
      });
      await trickling.closed;
      clearInterval(trickle);
      expect(Date.now() - started).toBeLessThan(2_000);
      await stillServes(agent);
    });
  });

  describe('after hello', () => {
    it('answers each unreadable message agent.bad_message in words, in its turn, with its id when readable, and goes on', async () => {
      const agent = await start({ limits: { maxBadMessages: 100 } });
      const client = await agent.helloClient();
      const garbage: Array<[string | Buffer, RegExp]> = [
        ['not json', /This line is not JSON\.$/],
        [Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /This line is not UTF-8 text\.$/],
        ['{"v":2,"id":1,"type":"status"}', /"v": /],
        ['{"v":1,"id":2,"type":"delete_everything"}', /"type": /],
        ['{"v":1,"id":3,"type":"status","extra":true}', /extra/],
        ['{"v":1,"id":4,"type":"sign","key":"k","method":"TRACE","path":"/"}', /"method": /],
        [`{"v":1,"id":5,"type":"hello","client":"again","token":"${agent.token}"}`, /This connection has already said hello\.$/],
        ['{"v":1,"id":6,"__proto__":{"admin":true},"type":"keys"}', /__proto__/],
        [`${'['.repeat(50_000)}${']'.repeat(10_000)}`, /This line is not JSON\.$/],
        [`{"v":1,"id":{"toString":1},"type":"keys","nested":${'['.repeat(30_000)}${']'.repeat(30_000)}}`, /"id": /],
        ['', /This line is not JSON\.$/],
      ];
      for (const [line] of garbage) {
        client.write(Buffer.concat([Buffer.from(line), Buffer.from('\n')]));
        client.send({ id: 'between', type: 'status' });
      }
      for (const [line, words] of garbage) {
        const answer = await client.next();
        expect(answer, line.toString().slice(0, 60)).toMatchObject(refusal('agent.bad_message'));
        expect(answer.error?.message).toMatch(/^The agent could not read this message: one JSON object per line, with "v": 1\. /);
        expect(answer.error?.message).toMatch(words);
        // Words, never a parser's or a stack's.
        expect(answer.error?.message).not.toMatch(/\n|at .*\.ts|SyntaxError|Unexpected token/);
        const readableId = /"id":(\d)/.exec(line.toString())?.[1];
        expect(answer.id).toBe(readableId === undefined ? undefined : Number(readableId));
        expect(await client.next()).toMatchObject({ id: 'between', type: 'status', ok: true });
      }
      expect(client.isClosed()).toBe(false);
    });

    it('drops a client after ten unreadable messages', async () => {
      const agent = await start();
      const client = await agent.helloClient();
      for (let sent = 0; sent < 10; sent += 1) client.write('garbage\n');
      const answers: Answer[] = [];
      for (let read = 0; read < 10; read += 1) answers.push(await client.next());
      await client.closed;
      expect(answers.every((answer) => answer.error?.code === 'agent.bad_message')).toBe(true);
      expect(answers[9]?.error?.message).toContain('Too many unreadable messages: the agent closes this connection.');
      await stillServes(agent);
    });

    it('refuses a 10 MB line once it passes the limit and closes without reading the rest', async () => {
      const agent = await start();
      const client = await agent.helloClient();
      let writeError: Error | null | undefined;
      client.socket.write(Buffer.alloc(10 * 1024 * 1024, 'a'), (error) => (writeError = error));
      expect(await lastWords(client)).toEqual({
        ...refusal('agent.line_too_long'),
        error: {
          code: 'agent.line_too_long',
          message: `This message is longer than the agent reads. At most ${WIRE_MAX_LINE_BYTES} bytes a line: the agent closes this connection.`,
        },
      });
      await until(() => writeError !== undefined, "the write's end");
      // The agent hung up long before the 10 MB were through.
      expect(writeError).toBeInstanceOf(Error);
      await stillServes(agent);
    });

    it('drops a client that sends request after request and never reads the answers', async () => {
      const agent = await start({ limits: { maxUnreadAnswerBytes: 64 * 1024, unreadAnswersTimeoutMs: 300 } });
      const client = await agent.helloClient('never reads');
      client.socket.pause();
      const burst = '{"v":1,"type":"keys"}\n'.repeat(2_000);
      // Sent in bursts until the agent hangs up: each burst's answers pile up unread.
      for (let bursts = 0; !client.isClosed() && bursts < 1_000; bursts += 1) {
        client.write(burst);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await client.closed;
      expect(agent.agent.clients()).toEqual([]);
      await stillServes(agent);
    });

    it('stops reading a client whose requests wait faster than they are served, and serves them all in order once they can be', async () => {
      const held = heldService();
      const agent = await start({ service: held.service, limits: { maxQueuedRequests: 10 } });
      const client = await agent.helloClient('pipelining');
      const count = 20_000;
      client.write(Array.from({ length: count }, (_, id) => `{"v":1,"id":${id},"type":"status"}\n`).join(''));
      // What the agent does not read stays in the client's own buffers, not in the agent's memory.
      await until(() => client.socket.writableLength > 0, "the client's buffer to fill");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(client.socket.writableLength).toBeGreaterThan(0);
      expect(held.asked).toHaveLength(1);
      held.openUp();
      for (let id = 0; id < count; id += 1) expect((await client.next()).id).toBe(id);
      expect(held.mostInFlight()).toBe(1);
    });

    it('refuses connections beyond the maximum at once, while a well-behaved client is answered throughout', async () => {
      const agent = await start({ limits: { maxConnections: 64, helloTimeoutMs: 2_000 } });
      const good = await agent.helloClient('well-behaved');
      let answered = 0;
      let asking = true;
      const keepAsking = (async () => {
        while (asking) {
          good.send({ id: answered, type: 'status' });
          expect(await good.next()).toMatchObject({ id: answered, type: 'status', ok: true });
          answered += 1;
        }
      })();

      const attackers = await Promise.all(Array.from({ length: 500 }, () => connectClient(agent.socketPath)));
      const firstWords = attackers.map((attacker) => attacker.next().then((answer) => answer.error?.code));
      await until(() => attackers.filter((attacker) => attacker.isClosed()).length >= 437, 'the connections too many to be refused');
      // While 63 attackers hold every other slot without a word, the good client is still answered.
      const answeredBefore = answered;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(answered).toBeGreaterThan(answeredBefore);
      expect(attackers.filter((attacker) => attacker.isClosed())).toHaveLength(437);

      const codes = await Promise.all(firstWords);
      expect(codes.filter((code) => code === 'agent.too_many_clients')).toHaveLength(437);
      // Those that got in never said hello: the hello limit lets their slots go.
      expect(codes.filter((code) => code === 'agent.hello_first')).toHaveLength(63);
      await Promise.all(attackers.map((attacker) => attacker.closed));
      asking = false;
      await keepAsking;
      await stillServes(agent);
    });
  });
});
