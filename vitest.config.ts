import { availableParallelism } from 'node:os';
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
    // Vitest leaves one core free by default (cores - 1): on a 2-core CI machine that runs every
    // suite one after the other. Most of the time goes to suites waiting on spawned CLI
    // processes, so two at a time nearly halve the run.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
