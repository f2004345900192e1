// One Jest run for the whole monorepo: `unit` = *.spec.ts next to the code, `e2e` = *.e2e-spec.ts
// (API with supertest, Socket.IO, browser). Both run against real PostgreSQL and Redis; jest/global-setup.ts
// checks they are reachable and migrates the template test database once per run.
const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false }] };
const ignored = ['/node_modules/', '/\\.next', '/dist/', '/\\.data/', '/src/generated/'];

/** Real services (training runs, a browser): generous per-test time. */
const testTimeout = Number(process.env.JEST_TEST_TIMEOUT_MS) || 120_000;

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  testPathIgnorePatterns: ignored,
  modulePathIgnorePatterns: ['<rootDir>/\\.data/', '<rootDir>/apps/web/\\.next'],
  watchPathIgnorePatterns: ignored,
  testTimeout,
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/jest/global-setup.ts',
  testTimeout,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.spec.ts?(x)'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e-spec.ts?(x)'] },
  ],
};
