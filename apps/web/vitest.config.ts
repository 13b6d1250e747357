import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Dates are formatted in local time: the tests expect UTC, like the rest of the repository's tests.
// Set here, before the test workers start, so every worker inherits it.
process.env.TZ = 'UTC';

/**
 * Web unit tests: pure modules and components in jsdom, beside the code as `*.test.ts(x)`.
 * Run from the repo root: `npm run test:web` (or `npx vitest --config apps/web/vitest.config.ts`
 * to watch). Reuses the app's Vite config, so aliases and the React transform are the same.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['src/**/*.test.{ts,tsx}'],
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      // Each test starts with fresh mocks: no calls and no behaviour left from the one before.
      mockReset: true,
      restoreMocks: true,
      // Generous for a busy shared machine; a test here normally takes well under a second.
      testTimeout: 15_000,
    },
  }),
);
