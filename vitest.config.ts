import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    watch: false,
    // Some tests spawn the built CLI or check large generated inputs: be generous, CI machines are slow.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/setup/build.ts'],
  },
});
