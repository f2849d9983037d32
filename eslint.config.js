// Lint rules, including the import boundaries of DESIGN.md ("The rooms"): arrows run one way.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const room = (name) => [`**/${name}`, `**/${name}/**`];

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

const boundaryRules = Object.entries(boundaries).map(([name, rule]) => ({
  files: [`${name}/**/*.{ts,tsx,js,mjs}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: rule.paths.map((path) => ({ name: path, message: rule.message })),
        patterns: [{ group: rule.groups, message: rule.message }],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'test/fixtures/boundaries/'] },
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
  ...boundaryRules,
);
