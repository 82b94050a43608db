import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkAdapter, checkFixer, inputsOf, runsOf, type AdapterCase } from './properties.js';

/**
 * One property test: `npm test` runs a modest, seeded number of inputs (the same every run);
 * `npm run fuzz` sets FUZZ_RUNS and a fresh seed, and collects counts and failures in
 * FUZZ_REPORT for its summary.
 */
export function propertyTest(kind: 'adapter' | 'fixer', adapter: AdapterCase): void {
  const numRuns = runsOf(kind);
  const fuzzing = process.env.FUZZ_RUNS !== undefined;
  it(`${adapter.name}: ${kind === 'adapter' ? 'never throws, every range inside the file and on character boundaries' : 'fixing never throws, stays in range, and twice equals once'} (${numRuns} inputs)`, async () => {
    let inputs = 0;
    const check = kind === 'adapter' ? checkAdapter : checkFixer;
    const details = await fc.check(
      fc.asyncProperty(inputsOf(adapter), async (text) => {
        inputs++;
        await check(adapter, text);
      }),
      { numRuns, ...(fuzzing ? {} : { seed: 11 }) },
    );
    if (process.env.FUZZ_REPORT) {
      const failure = details.failed ? { counterexample: JSON.stringify(details.counterexample?.[0]).slice(0, 2000), error: String(details.errorInstance ?? '').slice(0, 1000), seed: details.seed } : undefined;
      appendFileSync(process.env.FUZZ_REPORT, `${JSON.stringify({ kind, adapter: adapter.name, inputs, runs: details.numRuns, failed: details.failed, ...(failure ? { failure } : {}) })}\n`);
    }
    if (details.failed) {
      throw new Error(`${adapter.name}: ${String(details.errorInstance)}\ncounterexample: ${JSON.stringify(details.counterexample?.[0])}\nseed ${details.seed}, path ${details.counterexample ? details.counterexamplePath : ''}`);
    }
    expect(details.numRuns).toBe(numRuns);
  }, fuzzing ? 24 * 60 * 60 * 1000 : 120_000);
}
