import type { Config } from 'jest';

const tsJest = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] } as Config['transform'];

/**
 * One run, real services: the global setup makes a fresh PostgreSQL database (DATABASE_URL's
 * server, or an embedded PostgreSQL) and runs the migrations; every suite starts the real server.
 */
const config: Config = {
  globalSetup: '<rootDir>/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/api/test/global-teardown.ts',
  projects: [
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/api/**/*.spec.ts'],
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/app/test/**/*.e2e.ts'],
    },
  ],
  testTimeout: 30_000,
  maxWorkers: 2,
};

export default config;
