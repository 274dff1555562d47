// Shared jest settings for every project. Tests are transpiled only (fast); `npm run typecheck`
// type-checks them.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

// ESM-only packages (the Verifiable Credentials libraries and two of their dependencies). Plain Node
// (>= 20.19) require()s them, so the webpack bundles and the benches load them as they are; jest's
// own module system cannot, so jest transpiles these, and only these, to CommonJS (docs/credentials.md).
const ESM_PACKAGES = ['@digitalbazaar', 'base58-universal', 'base64url-universal'];
const esmPackageFiles = `/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
    [esmPackageFiles]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: `${__dirname}/` }),
  testMatch: ['**/*.spec.ts'],
  testTimeout: 20000,
  globalSetup: path.join(__dirname, 'libs/testing/src/jest/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/jest/global-teardown.ts'),
};
