// Lint rules, including the import boundaries of DESIGN.md ("The rooms"): arrows run one way.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Matches any import path that goes into the named top-level folder (`../../main/vault/x`).
const room = (name) => [`**/${name}/**`];

/** Imports a room may never make, with the reason shown to whoever breaks the rule. */
export const boundaries = {
  app: {
    message: 'app/ is the environment-neutral core: it may not import electron, UI libraries or other rooms.',
    paths: ['electron', 'react', 'react-dom', 'zustand', 'better-sqlite3'],
    groups: [...room('main'), ...room('renderer'), ...room('cli'), ...room('sandbox'), ...room('test'), ...room('bench')],
  },
  main: {
    message: 'main/ may import app/ only, never the renderer, the CLI or the sandbox.',
    paths: ['react', 'react-dom', 'zustand'],
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
  },
};

const restrictImports = (rule, groups) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: rule.paths.map((path) => ({ name: path, message: rule.message })),
      patterns: [{ group: groups, message: rule.message }],
    },
  ],
});
// Test code: test files, and the helpers in a room's tests/ folders.
const TESTS = ['**/*.test.ts', '**/tests/**'];
const testOnlyRooms = [...room('test'), ...room('sandbox')];

// Tests beside the code keep the room's rules but may use the shared helpers in test/ and run
// the sandbox, which is what they test against; shipped code may not.
const boundaryRules = Object.entries(boundaries).flatMap(([name, rule]) => [
  { files: [`${name}/**/*.{ts,tsx,js,mjs}`], ignores: TESTS, rules: restrictImports(rule, rule.groups) },
  {
    files: TESTS.map((pattern) => `${name}/${pattern}`),
    rules: restrictImports(rule, rule.groups.filter((group) => !testOnlyRooms.includes(group))),
  },
]);

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
