import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
    // CLI end-to-end suites spawn the built binary; give them room on 2-core CI.
    testTimeout: 30_000,
    // Suites that lint all of fixtures/ once in beforeAll (PDFs included) need more than the
    // default 10 s when the machine is busy.
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
