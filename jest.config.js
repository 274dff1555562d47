// `npm test`: every project's unit, integration and e2e tests in one run, with one set of servers.
const preset = require('./jest.preset.js');

module.exports = {
  globalSetup: preset.globalSetup,
  globalTeardown: preset.globalTeardown,
  // Jest reads the timeout from the run's own configuration only: the preset's value (below in each
  // project) is ignored when the projects run together, which left every test and hook at 5 s.
  testTimeout: preset.testTimeout,
  // On two cores Jest would run every file in its own process, one after the other: the modules each
  // file loads (Nest, the drivers, MJML...) pile up in that one heap until it runs out (it did, at
  // 3.6 GB, 130 files in). A worker instead, replaced whenever a file leaves it above this much.
  workerIdleMemoryLimit: '1GB',
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/infra/jest.config.js',
  ],
};
