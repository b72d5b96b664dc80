import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { LAWS_DIR: process.env.LAWS_DIR ?? '../shared/laws' },
  },
});
