import { describe, expect, it } from 'vitest';
import { peatioPaths, PEATIO } from '../../app/barong/paths';
import type { AnswerBody } from '../../app/agent/wire';
import type { KeyPolicy } from '../../app/domain/agent-policy';
import { policyForLevel } from '../../app/domain/agent-policy';
import { TRADER } from '../barong/tests/barong-exchange';
import { seededKeys, startSeededSandbox } from '../barong/tests/exchange-sandbox';
import { PASSPHRASE, testBackend } from '../services/tests/backend-fixture';
import { AUDIT_BATCH } from './audit-batch';
import type { ApprovalAnswer, ApprovalPrompt } from './client-approval';

const BOT = { name: 'grid-bot', connectionId: 1 };
const balances = { v: 1, type: 'sign', key: 'bot', method: 'GET', path: peatioPaths.balances } as const;

/** A passphrase vault holding the sandbox's seeded trading key as "bot", with the policy given (through the privileged channel). */
async function agentOnSandbox(options: { policy?: KeyPolicy; approval?: ApprovalPrompt } = {}) {
  const sandbox = await startSeededSandbox();
  const test = testBackend(options.approval ? { agentApproval: options.approval } : {});
  await test.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
  const account = await test.value('accounts.create', { name: 'Sandbox', baseUrl: sandbox.url, loginEmail: TRADER });
  const { trade } = seededKeys(sandbox);
  const { key } = await test.value('keys.import', { accountId: account.id, kid: trade.kid, secret: trade.secret, label: 'bot' });
  if (options.policy) await test.value('keys.setPolicy', { keyId: key.id, policy: options.policy, ownerPassphrase: PASSPHRASE });
  const handle = (request: Parameters<typeof test.core.agent.service.handle>[0], client = BOT) => test.core.agent.service.handle(request, client);
  // The agent writes its rows a batch at a time, just after it answers.
  const agentRows = async () => {
    await new Promise((resolve) => setTimeout(resolve, AUDIT_BATCH.delayMs + 20));
    return (await test.value('audit.list', {})).filter((entry) => entry.action === 'agent-use');
  };
  return { ...test, sandbox, account, key, secret: trade.secret, handle, agentRows };
}

const refusedWith = (code: string, words?: RegExp) => ({
  ok: false,
  type: 'error',
  error: { code, message: words ? expect.stringMatching(words) : expect.any(String) },
});

/** Sends a request to the sandbox with the agent's headers, as a program would. */
async function sendWith(baseUrl: string, answer: AnswerBody, method: string, path: string, body?: unknown) {
  if (answer.type !== 'sign') throw new Error(`expected headers, got ${JSON.stringify(answer)}`);
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...answer.headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('the signing agent service, on the real vault and the sandbox', () => {
  it('offers no key and signs nothing until the owner opens the key to programs', async () => {
    const test = await agentOnSandbox();
    expect(await test.handle({ v: 1, type: 'keys' })).toEqual({ ok: true, type: 'keys', keys: [] });
    expect(await test.handle(balances)).toEqual(refusedWith('agent.policy_refused', /not open to local programs/));
    expect(await test.agentRows()).toEqual([
      expect.objectContaining({ keyId: test.key.id, method: 'GET', path: peatioPaths.balances, outcome: expect.stringMatching(/grid-bot.*refused/) }),
    ]);
  });

  it('signs under a read policy: the exchange takes the headers, and the answer and the audit row hold no secret', async () => {
    const test = await agentOnSandbox({ policy: policyForLevel('read') });
    expect(await test.handle({ v: 1, type: 'keys' })).toEqual({
      ok: true,
      type: 'keys',
      keys: [
        {
          label: 'bot',
          kid: test.key.kid,
          account: 'Sandbox',
          baseUrl: test.sandbox.url,
          policy: { agentUse: true, level: 'read', budget: { requests: 6000, windowSeconds: 300 } },
        },
      ],
    });
    const answer = await test.handle(balances);
    expect(answer).toMatchObject({ ok: true, type: 'sign', baseUrl: test.sandbox.url, decision: { allowed: true, level: 'read', remaining: 5999 } });
    if (answer.type !== 'sign') throw new Error('not signed');
    expect(answer.expiresAtMs).toBeGreaterThan(Date.now());
    expect((await sendWith(test.sandbox.url, answer, 'GET', peatioPaths.balances)).status).toBe(200);
    const rows = await test.agentRows();
    expect(rows[0]).toMatchObject({ method: 'GET', path: peatioPaths.balances, outcome: 'client "grid-bot": signed' });
    const everything = JSON.stringify({ answer: { ...answer, headers: undefined }, rows, audit: await test.value('audit.list', {}) });
    expect(everything).not.toContain(test.secret);
    expect(everything).not.toContain(answer.headers['X-Auth-Signature']);
  });

  it('refuses an order under read, places and cancels one under trade, and never a withdrawal', async () => {
    const read = await agentOnSandbox({ policy: policyForLevel('read') });
    expect(await read.handle({ ...balances, method: 'POST', path: peatioPaths.orders })).toEqual(
      refusedWith('agent.policy_refused', /outside this key's policy \(Read only/),
    );

    const trade = await agentOnSandbox({ policy: policyForLevel('trade') });
    const order = { market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '9000' };
    const placed = await sendWith(
      trade.sandbox.url,
      await trade.handle({ ...balances, method: 'POST', path: peatioPaths.orders }),
      'POST',
      peatioPaths.orders,
      order,
    );
    expect(placed.status).toBe(201);
    const id = (placed.body as { id: number }).id;
    const cancelPath = `${peatioPaths.orders}/${id}/cancel`;
    expect((await sendWith(trade.sandbox.url, await trade.handle({ ...balances, method: 'POST', path: cancelPath }), 'POST', cancelPath)).status).toBe(201);
    const withdraw = await trade.handle({ ...balances, method: 'POST', path: `${PEATIO}/account/withdraws` });
    expect(withdraw).toEqual(refusedWith('agent.policy_refused', /moves funds out/));
    expect((await trade.agentRows())[0]).toMatchObject({ path: `${PEATIO}/account/withdraws`, outcome: expect.stringContaining('refused: POST') });
  });

  it('refuses in words once the budget is spent, for every client of the key', async () => {
    const test = await agentOnSandbox({ policy: { ...policyForLevel('read'), budget: { requests: 2, windowSeconds: 300 } } });
    expect((await test.handle(balances)).ok).toBe(true);
    expect((await test.handle(balances, { name: 'another program', connectionId: 2 })).ok).toBe(true);
    expect(await test.handle(balances)).toEqual(refusedWith('agent.budget_spent', /budget of 2 requests per 300 s is spent; try again in 300 s/));
    expect((await test.agentRows())[0]?.outcome).toContain('budget');
  });

  it('answers the requests read together from one look at the vault, and looks again for a request read after a change', async () => {
    const test = await agentOnSandbox({ policy: policyForLevel('read') });
    const service = test.core.agent.service;
    const readTogether = performance.now();
    expect((await service.handle(balances, BOT, readTogether)).ok).toBe(true);
    await test.value('keys.setPolicy', { keyId: test.key.id, policy: { ...policyForLevel('read'), agentUse: false }, ownerPassphrase: PASSPHRASE });
    // Read before the first was served: answered from the same look, as if the change had come a moment later.
    expect((await service.handle(balances, BOT, readTogether)).ok).toBe(true);
    // Read after the change: a new look, which sees it.
    expect(await service.handle(balances, BOT, performance.now())).toEqual(refusedWith('agent.policy_refused', /not open to local programs/));
    expect(await service.handle(balances, BOT, readTogether)).toEqual(refusedWith('agent.policy_refused'));
  });

  it('stops signing at the lock, and answers status without the keys', async () => {
    const test = await agentOnSandbox({ policy: policyForLevel('read') });
    test.core.agent.reportClients(() => ['grid-bot']);
    expect(await test.handle({ v: 1, type: 'status' })).toEqual({ ok: true, type: 'status', locked: false, clients: ['grid-bot'], keys: 1 });
    test.core.lock('menu');
    expect(await test.handle(balances)).toEqual(refusedWith('vault.locked'));
    expect(await test.handle({ v: 1, type: 'keys' })).toEqual(refusedWith('vault.locked'));
    expect(await test.handle({ v: 1, type: 'status' })).toEqual({ ok: true, type: 'status', locked: true, clients: ['grid-bot'], keys: 0 });
  });

  it('names the key by kid or label, and asks for the kid when a label is not unique', async () => {
    const test = await agentOnSandbox({ policy: policyForLevel('read') });
    expect((await test.handle({ ...balances, key: test.key.kid })).ok).toBe(true);
    expect(await test.handle({ ...balances, key: 'nobody' })).toEqual(refusedWith('agent.unknown_key', /"nobody"/));
    const other = await test.value('accounts.create', { name: 'Second', baseUrl: test.sandbox.url });
    await test.value('keys.import', { accountId: other.id, kid: 'ABCDEF0123456789', secret: 'x'.repeat(32), label: 'bot' });
    expect(await test.handle(balances)).toEqual(refusedWith('agent.ambiguous_key', /kid/));
  });

  it('asks the owner about a new program; a denial is audited and the lock forgets an approval', async () => {
    const answers: ApprovalAnswer[] = ['deny', 'until-lock', 'until-lock'];
    const asked: string[] = [];
    const approval: ApprovalPrompt = {
      ask: async (question) => {
        asked.push(`${question.client} ${question.method} ${question.path} with ${question.key} (${question.account})`);
        return answers.shift() ?? 'deny';
      },
    };
    const test = await agentOnSandbox({ policy: policyForLevel('read'), approval });
    expect(await test.handle(balances, { name: 'intruder', connectionId: 3 })).toEqual(refusedWith('agent.approval_denied', /did not allow "intruder"/));
    expect((await test.handle(balances)).ok).toBe(true);
    expect((await test.handle(balances)).ok).toBe(true);
    expect(asked).toEqual([`intruder GET ${peatioPaths.balances} with bot (Sandbox)`, `grid-bot GET ${peatioPaths.balances} with bot (Sandbox)`]);
    test.core.lock('menu');
    await test.value('vault.unlock', { passphrase: PASSPHRASE });
    expect((await test.handle(balances)).ok).toBe(true);
    expect(asked).toHaveLength(3);
    // The policy is checked before anyone is asked: a request outside it never bothers the owner.
    expect((await test.handle({ ...balances, method: 'POST', path: peatioPaths.orders }, { name: 'new one', connectionId: 4 })).ok).toBe(false);
    expect(asked).toHaveLength(3);
    expect((await test.agentRows()).some((row) => row.outcome?.includes('"intruder": refused'))).toBe(true);
  });
});
