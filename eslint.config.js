// Lint rules, including the import boundaries between the rooms (docs/ARCHITECTURE.md): arrows run one way.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Matches any import path that goes into the named top-level folder (`../../main/vault/x`).
const room = (name) => [`**/${name}/**`];

/**
 * The only files of main/ that may import electron. The rest of main/ is the backend, which the CLI
 * and the tests run in plain Node: Electron reaches it only through these doors.
 */
export const ELECTRON_DOORS = ['main/electron/**', 'main/index.ts', 'main/preload/index.ts'];
const ELECTRON_ONLY_AT_DOORS =
  'Only main/electron/, main/index.ts and the preload entry may import electron: the rest of main/ is the backend, which runs without Electron.';

/** Imports a room may never make, with the reason shown to whoever breaks the rule. */
export const boundaries = {
  app: {
    message: 'app/ is the environment-neutral core: it may not import electron, UI libraries or other rooms.',
    paths: ['electron', 'react', 'react-dom', 'zustand', 'better-sqlite3'],
    groups: [...room('main'), ...room('renderer'), ...room('cli'), ...room('sandbox'), ...room('test'), ...room('bench')],
  },
  main: {
    message: 'main/ may import app/ only, never the renderer, the CLI or the sandbox.',
    paths: ['electron', 'react', 'react-dom', 'zustand'],
    pathMessages: { electron: ELECTRON_ONLY_AT_DOORS },
    groups: [...room('renderer'), ...room('cli'), ...room('sandbox'), ...room('test'), ...room('bench')],
  },
  renderer: {
    message: 'renderer/ reaches the world only through window.api: it may import app/ (types and data), never main/, electron or Node.',
    paths: ['electron', 'better-sqlite3'],
    groups: [...room('main'), ...room('cli'), ...room('sandbox'), ...room('test'), ...room('bench'), 'node:*'],
  },
  sandbox: {
    message: 'sandbox/ may import app/ only.',
    paths: ['electron', 'react', 'react-dom', 'zustand'],
    groups: [...room('main'), ...room('renderer'), ...room('cli'), ...room('test'), ...room('bench')],
  },
  cli: {
    message: 'cli/ may import app/, the backend of main/ and the sandbox, never electron or the renderer.',
    paths: ['electron', 'react', 'react-dom', 'zustand'],
    groups: [...room('renderer'), ...room('test'), ...room('bench')],
    // The desktop app's own parts: its window, its IPC, its preload and its entry.
    regex: [
      {
        regex: '(^|/)main(/index(\\.[jt]s)?|/(electron|window|ipc|preload)(/.*)?)?$',
        message:
          'cli/ may import the backend of main/ (vault, barong, services), never its Electron parts: main/electron, main/window, main/ipc, main/preload or main/index.',
      },
    ],
  },
};

const withElectron = (rule) => ({ ...rule, paths: rule.paths.filter((path) => path !== 'electron') });

const restrictImports = (rule, groups) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: rule.paths.map((path) => ({ name: path, message: rule.pathMessages?.[path] ?? rule.message })),
      patterns: [{ group: groups, message: rule.message }, ...(rule.regex ?? [])],
    },
  ],
});
// Test code: test files, and the helpers in a room's tests/ folders.
const TESTS = ['**/*.test.ts', '**/tests/**'];
const testOnlyRooms = [...room('test'), ...room('sandbox')];

// Tests beside the code keep the room's rules but may use the shared helpers in test/ and run
// the sandbox, which is what they test against; shipped code may not.
const roomRules = (rule, files, testFiles) => [
  { files, ignores: TESTS, rules: restrictImports(rule, rule.groups) },
  {
    files: testFiles,
    rules: restrictImports(
      rule,
      rule.groups.filter((group) => !testOnlyRooms.includes(group)),
    ),
  },
];
const boundaryRules = [
  ...Object.entries(boundaries).flatMap(([name, rule]) =>
    roomRules(
      rule,
      [`${name}/**/*.{ts,tsx,js,mjs}`],
      TESTS.map((pattern) => `${name}/${pattern}`),
    ),
  ),
  // Later entries win: the Electron doors keep main's rules but may import electron.
  ...roomRules(
    withElectron(boundaries.main),
    ELECTRON_DOORS,
    TESTS.map((pattern) => `main/electron/${pattern}`),
  ),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'test-results/', 'playwright-report/', 'test/fixtures/boundaries/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: globals.node,
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // The renderer runs in a browser page: its globals are the DOM's, and Node's would hide a mistake.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'require', 'module', 'Buffer', 'global', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'The renderer has no Node: reach the world through window.api.',
        })),
      ],
    },
  },
  ...boundaryRules,
);
