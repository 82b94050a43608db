import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/lint-project.js';
import { tempProject } from './helpers.js';

/** Vale styles through the configuration's `packs:`: rule ids, levels, warnings, the cache key. */
let project: Awaited<ReturnType<typeof tempProject>>;

beforeEach(async () => {
  project = await tempProject({
    'brandlint.config.yaml': 'packs: [styles/Test]\n',
    'styles/Test/Will.yml': 'extends: existence\nmessage: "Avoid \'%s\'."\nlevel: warning\nignorecase: true\ntokens: [will]\n',
    'styles/Test/Scripted.yml': 'extends: script\nmessage: x\nscript: "matches := []"\n',
    'blog/launch.md': '# Launch\n\nWe will ship soon.\n',
    'notes/todo.md': 'This will not be linted: no channel.\n',
  });
});
afterEach(async () => {
  await project.cleanup();
});

async function run(config?: string, cache = false) {
  if (config !== undefined) await project.write({ 'brandlint.config.yaml': config });
  const outcome = await lintProject({ cwd: project.dir, ...(cache ? { cache: { location: '.brandlintcache', version: '1' } } : {}) });
  if (!outcome.ok) throw new Error(`${outcome.message}: ${outcome.diagnostics.map((d) => d.message).join('; ')}`);
  const vale = outcome.results.flatMap((result) => result.diagnostics.filter((d) => d.ruleId.includes('.')).map((d) => `${result.file} ${d.range?.start.line}:${d.range?.start.column} ${d.ruleId} ${d.severity}`));
  return { outcome, vale };
}

describe('Vale styles in packs:', () => {
  it('lints articles with the style, under Vale rule ids; a rule brandlint cannot run is a configuration warning', async () => {
    const { outcome, vale } = await run();
    expect(vale).toEqual(['blog/launch.md 3:4 Test.Will warning']);
    expect(outcome.configWarnings.map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column} ${d.message}`)).toEqual([
      expect.stringMatching(/^vale\/unsupported 1:10 Test\.Scripted: `script` rules run Tengo scripts/),
    ]);
  });

  it('the configuration sets a rule\'s level, or a whole style\'s', async () => {
    expect((await run('packs: [styles/Test]\nrules:\n  Test.Will: error\n')).vale).toEqual(['blog/launch.md 3:4 Test.Will error']);
    expect((await run('packs: [styles/Test]\nrules:\n  Test: off\n')).vale).toEqual([]);
  });

  it('an unknown Vale rule id in the configuration is an error with a did-you-mean', async () => {
    await project.write({ 'brandlint.config.yaml': 'packs: [styles/Test]\nrules:\n  Test.Wil: error\n' });
    const outcome = await lintProject({ cwd: project.dir });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.diagnostics.map((d) => d.message)).toEqual(['unknown rule "Test.Wil" (did you mean "Test.Will"?)']);
  });

  it('a changed rule file invalidates the cache', async () => {
    const cold = await run(undefined, true);
    expect(cold.outcome.cacheStats).toEqual({ hits: 0, misses: 1 });
    expect((await run(undefined, true)).outcome.cacheStats).toEqual({ hits: 1, misses: 0 });
    await project.write({ 'styles/Test/Will.yml': 'extends: existence\nmessage: "Avoid \'%s\'."\nlevel: error\nignorecase: true\ntokens: [will, soon]\n' });
    const changed = await run(undefined, true);
    expect(changed.outcome.cacheStats).toEqual({ hits: 0, misses: 1 });
    expect(changed.vale).toEqual(['blog/launch.md 3:4 Test.Will error', 'blog/launch.md 3:14 Test.Will error']);
  });
});
