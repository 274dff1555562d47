import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Architecture (docs/architecture.md): apps wire, contexts decide, data-access adapts, util is pure.
// data-access may build on data-access (the relay and projections read the event store port).
// A context never imports another context: it reacts to integration events from type:contracts.
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:context',
      'type:audit',
      'type:data-access',
      'type:util',
      'type:contracts',
      'type:testing',
    ],
  },
  {
    sourceTag: 'type:context',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts', 'type:testing'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts', 'type:testing'],
  },
  // The audit library reads what the contexts decided (replay, dossier): above them, below the apps.
  {
    sourceTag: 'type:audit',
    onlyDependOnLibsWithTags: [
      'type:context',
      'type:data-access',
      'type:util',
      'type:contracts',
      'type:testing',
    ],
  },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:testing'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:util', 'type:data-access', 'type:contracts'],
  },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:testing', 'type:util'] },
  // The browser app talks to the platform over HTTP only (its generated client): no server library,
  // not even a util one (they bring Node and Nest with them). Web libraries will carry scope:web.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/coverage',
      '.nx',
      '.infra',
      'data',
      'bench/results',
      '.venv-schemathesis',
      'schemathesis-report',
      '.schemathesis',
      // Generated from the platform's OpenAPI document (npm run generate:api); its drift is tested.
      'apps/web/src/api/generated',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs', '**/*.mts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints },
      ],
    },
  },
  {
    // An app's webpack configuration is build tooling, not app code: it takes the shared one from tools/.
    files: ['apps/*/webpack.config.js'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Test helpers (server discovery, contract suites) belong to tests, never to production code.
    files: ['**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/testing/**',
      'libs/testing/**',
      '**/jest.config.*',
      'bench/**',
      'scripts/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@tadamon/testing', message: 'test-only library' }] },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  prettier,
];
