import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContent } from '../src/channels/index.js';
import { sourceOffsetOf } from '../src/core/document.js';
import { lintProject } from '../src/engine/lint-project.js';
import type { LintResult } from '../src/engine/result.js';
import { REPO_ROOT } from './rule-tester.js';

/**
 * The example content in fixtures/ against the example brand, all rules on: each
 * `<rule-id>.fail.*` file breaks its rule and nothing else (`<pack>--<rule>.fail.*` for a rule
 * pack's `<pack>/<rule>`, `<pack>.fail.*` for any rule of the pack); every `*.pass.*` and
 * `*.traps.*` file is clean. This is what `npx brandlint lint fixtures/` shows.
 */

const FIXTURES = path.join(REPO_ROOT, 'fixtures');

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const fixtureFiles = listFiles(FIXTURES)
  .map((file) => path.relative(REPO_ROOT, file).split(path.sep).join('/'))
  .filter((file) => /\.(fail|pass|traps)\.[a-z]+$/.test(file))
  .sort();

let results: Map<string, LintResult>;

beforeAll(async () => {
  const outcome = await lintProject({ cwd: REPO_ROOT, paths: ['fixtures'] });
  if (!outcome.ok) throw new Error(`${outcome.message}: ${outcome.diagnostics.map((d) => d.message).join('; ')}`);
  results = new Map(outcome.results.map((result) => [result.file, result]));
});

const summary = (result: LintResult | undefined) =>
  (result?.diagnostics ?? []).map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column} ${d.message}`);

describe('fixtures/', () => {
  it('has fixtures for every channel in use', () => {
    expect(fixtureFiles.some((file) => file.startsWith('fixtures/email/'))).toBe(true);
    expect(fixtureFiles.some((file) => file.startsWith('fixtures/landing/'))).toBe(true);
    expect(fixtureFiles.some((file) => file.startsWith('fixtures/chatbot/'))).toBe(true);
    expect(fixtureFiles.some((file) => file.startsWith('fixtures/social/'))).toBe(true);
    expect(fixtureFiles.some((file) => file.startsWith('fixtures/print/'))).toBe(true);
  });

  it.each(fixtureFiles.filter((file) => /^fixtures\/(chatbot|social)\//.test(file)))('%s parses with exact positions', async (file) => {
    const channel = file.startsWith('fixtures/chatbot/') ? 'chatbot' : 'social';
    const absolutePath = path.join(REPO_ROOT, file);
    const document = await parseContent({ file, absolutePath, text: readFileSync(absolutePath, 'utf8'), channel });
    expect(document.parseProblems).toEqual([]);
    expect(document.messages.length).toBeGreaterThan(0);
    expect(document.textRuns.length).toBeGreaterThan(0);
    for (const run of document.textRuns) {
      // Every letter and digit of a run sits at the place its source map gives.
      const misplaced = run.text
        .split('')
        .flatMap((char, index) => (/[\p{L}\p{N}]/u.test(char) && document.text[sourceOffsetOf(run, index)] !== char ? [`${index}:${char}`] : []));
      expect(misplaced, `${run.messageId} ${JSON.stringify(run.text)}`).toEqual([]);
    }
  });

  it.each(fixtureFiles.filter((file) => /\.(pass|traps)\./.test(file)))('%s is clean', (file) => {
    expect(results.has(file), `${file} was linted`).toBe(true);
    expect(summary(results.get(file))).toEqual([]);
  });

  it.each(fixtureFiles.filter((file) => file.includes('.fail.')))('%s breaks only its own rule', (file) => {
    // Rule pack ids have a slash, file names cannot: `plain-language--utilize.fail.html` is `plain-language/utilize`.
    const ruleId = (path.basename(file).split('.fail.')[0] ?? '').replaceAll('--', '/');
    const diagnostics = results.get(file)?.diagnostics ?? [];
    const own = (id: string) => id === ruleId || id.startsWith(`${ruleId}/`);
    expect(diagnostics.length, `${file} has findings`).toBeGreaterThan(0);
    expect(summary(results.get(file)).filter((line) => !own(line.split(' ')[0] ?? ''))).toEqual([]);
  });
});
