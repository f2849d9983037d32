import { describe, expect, it } from 'vitest';
import { defaultAgentSocket, socketPathTooLong, windowsPipeName } from './agent-location';

const linux = { platform: 'linux' as const, homedir: '/home/alice', username: 'alice' };

describe('defaultAgentSocket', () => {
  it('on Linux, is in the runtime folder when there is one', () => {
    expect(defaultAgentSocket({ ...linux, env: { XDG_RUNTIME_DIR: '/run/user/1000' } })).toBe('/run/user/1000/barong-vault/agent.sock');
  });

  it("on Linux without a runtime folder, is in the app's folder under ~/.config, or XDG_CONFIG_HOME where Electron puts it", () => {
    expect(defaultAgentSocket({ ...linux, env: {} })).toBe('/home/alice/.config/Barong Vault/agent/agent.sock');
    expect(defaultAgentSocket({ ...linux, env: { XDG_RUNTIME_DIR: '' } })).toBe('/home/alice/.config/Barong Vault/agent/agent.sock');
    expect(defaultAgentSocket({ ...linux, env: { XDG_CONFIG_HOME: '/data/alice/config' } })).toBe('/data/alice/config/Barong Vault/agent/agent.sock');
  });

  it('ignores relative XDG folders, as the XDG spec says', () => {
    expect(defaultAgentSocket({ ...linux, env: { XDG_RUNTIME_DIR: 'run', XDG_CONFIG_HOME: 'config' } })).toBe(
      '/home/alice/.config/Barong Vault/agent/agent.sock',
    );
  });

  it("falls back to the app's folder when the runtime folder's path is too long for a socket", () => {
    const runtime = `/run/${'r'.repeat(100)}`;
    expect(defaultAgentSocket({ ...linux, env: { XDG_RUNTIME_DIR: runtime } })).toBe('/home/alice/.config/Barong Vault/agent/agent.sock');
  });

  it('fails in words, naming the path and both lengths, when no place is short enough', () => {
    const homedir = `/home/${'a'.repeat(80)}`;
    expect(() => defaultAgentSocket({ ...linux, homedir, env: {} })).toThrow(
      `The agent's socket path ${homedir}/.config/Barong Vault/agent/agent.sock is 124 bytes long, and this system takes at most 107: give the agent a shorter socket path.`,
    );
  });

  it("on macOS, is in the app's Application Support folder, within macOS's 103 bytes", () => {
    expect(defaultAgentSocket({ platform: 'darwin', homedir: '/Users/alice', username: 'alice', env: { XDG_RUNTIME_DIR: '/ignored' } })).toBe(
      '/Users/alice/Library/Application Support/Barong Vault/agent/agent.sock',
    );
    expect(() => defaultAgentSocket({ platform: 'darwin', homedir: `/Users/${'a'.repeat(40)}`, username: 'a', env: {} })).toThrow(/at most 103/);
  });

  it('on Windows, is a named pipe named after the user', () => {
    expect(defaultAgentSocket({ platform: 'win32', homedir: 'C:\\Users\\Alice', username: 'Alice', env: {} })).toBe('\\\\.\\pipe\\barong-vault-agent-alice');
  });

  it('counts bytes, not characters', () => {
    const path = `/home/${'é'.repeat(50)}/s`;
    expect(path.length).toBeLessThan(107);
    expect(socketPathTooLong(path, 'linux')).toContain('is 108 bytes long');
  });
});

describe('windowsPipeName', () => {
  it('spells characters a pipe name should not carry, so that no two user names share a pipe', () => {
    const names = ['jürgen', 'jörgen', 'j_rgen', 'j_fc_rgen', 'a b', 'a_b', 'a\\b', 'a.b', 'ab'];
    const pipes = names.map(windowsPipeName);
    expect(new Set(pipes).size).toBe(names.length);
    for (const pipe of pipes) expect(pipe).toMatch(/^\\\\\.\\pipe\\barong-vault-agent-[a-z0-9_-]+$/);
    expect(windowsPipeName('Jürgen')).toBe('\\\\.\\pipe\\barong-vault-agent-j_fc_rgen');
  });

  it('ignores case, as Windows user names do', () => {
    expect(windowsPipeName('ALICE')).toBe(windowsPipeName('alice'));
  });
});
