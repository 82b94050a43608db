import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
    // CLI end-to-end suites spawn the built binary; give them room on 2-core CI.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
