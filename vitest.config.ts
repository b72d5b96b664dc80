import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Finds the statute texts (LAWS_DIR, else ../shared/laws) and says once when they are missing.
    globalSetup: ['test/support/statute-corpus-setup.ts'],
  },
});
