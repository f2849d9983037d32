import { describe, expect, it, vi } from 'vitest';
import { createAgentApprovalDialog } from './agent-approval-dialog';

// Electron cannot start here: the adapter is checked against a fake of the one call it makes.
vi.mock('electron', () => ({ dialog: undefined }));

const QUESTION = { client: 'grid-bot', key: 'bot', account: 'Sandbox', method: 'POST', path: '/api/v2/peatio/market/orders' };

describe('the agent approval dialog', () => {
  it('names the program, the key and the request; Deny is the default and what Escape chooses', async () => {
    const showMessageBox = vi.fn(async () => ({ response: 0 }));
    const signal = new AbortController().signal;
    expect(await createAgentApprovalDialog(() => undefined, { showMessageBox }).ask(QUESTION, signal)).toBe('deny');
    expect(showMessageBox).toHaveBeenCalledWith(
      undefined,
      expect.objectContaining({
        message: 'Let "grid-bot" sign with bot (Sandbox)?',
        detail: expect.stringContaining('POST /api/v2/peatio/market/orders'),
        buttons: ['Deny', 'Allow once', 'Allow until the vault locks'],
        defaultId: 0,
        cancelId: 0,
        signal,
      }),
    );
  });

  it.each([
    [1, 'once'],
    [2, 'until-lock'],
    [7, 'deny'],
  ] as const)('button %i answers %s', async (response, answer) => {
    const dialog = createAgentApprovalDialog(() => undefined, { showMessageBox: async () => ({ response }) });
    expect(await dialog.ask(QUESTION, new AbortController().signal)).toBe(answer);
  });
});
