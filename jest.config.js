// `npm test`: every project's unit, integration and e2e tests in one run, with one set of servers.
const preset = require('./jest.preset.js');

module.exports = {
  globalSetup: preset.globalSetup,
  globalTeardown: preset.globalTeardown,
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/infra/jest.config.js',
  ],
};
