// One Jest run, six tiers. ESM mode because NestJS 12 is ESM-only: hence --experimental-vm-modules,
// `.ts` treated as ESM, `.js` stripped from relative imports and `@swc/jest` with decorators.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: false },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// CommonJS packages that require() an ESM-only dependency work on Node 20.19 (require(esm)), but
// not inside Jest's module runtime before Node 24.9: compile those few dependencies to CommonJS.
const ESM_REQUIRED_BY_CJS = ['content-disposition'];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`/node_modules/(${ESM_REQUIRED_BY_CJS.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_REQUIRED_BY_CJS.join('|')})/)`],
  moduleNameMapper: {
    '^@vigil/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@vigil/server$': '<rootDir>/libs/server/src/index.ts',
    '^@vigil/client$': '<rootDir>/libs/client/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  rootDir: '.',
};

/** @type {import('jest').Config} */
export default {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 30000,
  // ESM mode keeps every test file's module graph alive in the process that ran it: in one
  // process the whole run outgrew a 4 GB heap (and slowed to a crawl in garbage collection first).
  // With a limit, Jest runs the files in a worker and replaces it once it holds more than this.
  workerIdleMemoryLimit: '1536MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/libs/server/src/**/*.spec.ts',
        '<rootDir>/test/integration/**/*.spec.ts',
      ],
    },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'] },
    {
      ...common,
      displayName: 'realtime',
      testMatch: ['<rootDir>/test/realtime/**/*.realtime-spec.ts'],
    },
    {
      // Whole processes: several api instances and workers, crashes and restarts.
      ...common,
      displayName: 'resilience',
      testMatch: [
        '<rootDir>/test/scale-out/**/*.resilience-spec.ts',
        '<rootDir>/test/resilience/**/*.resilience-spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
  ],
};
