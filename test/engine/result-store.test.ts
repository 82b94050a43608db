import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResult, type LintResult } from '../../src/engine/result.js';
import { jsonEntryText, storedJsonEntry } from '../../src/engine/json-entry.js';
import { ResultStore, spillResult } from '../../src/engine/result-store.js';
import { fileScore } from '../../src/engine/score.js';
import { tempProject } from './helpers.js';

let project: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  project = await tempProject({ 'a.html': '<p>a</p>\n', 'b.html': '\ufeff<p>b</p>\n' });
});
afterEach(async () => {
  await project.cleanup();
});

const finding = (file: string) => ({ ruleId: 'test/x', severity: 'error' as const, message: 'x', file, range: null });
const resultOf = (file: string, extra: Partial<LintResult> = {}): LintResult => ({
  ...createResult({ file, absolutePath: path.join(project.dir, file), channel: 'landing', ...extra }, [finding(file)]),
});

describe('ResultStore', () => {
  it('gives the results back in file order, the spilled ones read again with their text from disk', () => {
    const store = new ResultStore('spill');
    store.add(1, resultOf('b.html', { source: '<p>b</p>\n' }), true);
    store.add(0, resultOf('a.html'), true);
    store.add(2, resultOf('fixed.html', { source: 'fixed text', output: 'fixed text' }), false);
    store.addTrailing(resultOf('brief.yaml'));
    for (let pass = 0; pass < 2; pass++) {
      expect([...store].map((result) => [result.file, result.source, result.errorCount])).toEqual([
        ['a.html', '<p>a</p>\n', 1],
        ['b.html', '<p>b</p>\n', 1],
        ['fixed.html', 'fixed text', 1],
        ['brief.yaml', undefined, 1],
      ]);
    }
    store.close();
  });

  it('keeps campaign members in memory for the campaign phase, and replaces them with the settled ones', () => {
    const store = new ResultStore('spill');
    store.add(0, resultOf('a.html'), true);
    store.add(1, resultOf('b.html', { campaignData: [] }), true);
    expect(store.campaignMembers().map((result) => result.file)).toEqual(['b.html']);
    store.replace([{ ...resultOf('b.html'), errorCount: 7 }]);
    expect([...store].map((result) => result.errorCount)).toEqual([1, 7]);
    store.close();
  });

  it('gives every result\'s counts and score without reading spilled ones back', () => {
    const store = new ResultStore('spill');
    store.add(0, resultOf('a.html', { contentUnits: 1000 }), true);
    store.add(1, resultOf('b.html', { campaign: 'spring', campaignData: [] }), true);
    store.addTrailing(resultOf('brief.yaml'));
    // A spilled result is read back only through the iterator: break the spill file's handle.
    (store as unknown as { spill: { fd: number } }).spill.fd = -1;
    expect([...store.tallies()]).toEqual([
      { channel: 'landing', errorCount: 1, warningCount: 0, fixableCount: 0, score: { units: 1000, penalty: 5, score: 95.1 } },
      { channel: 'landing', campaign: 'spring', errorCount: 1, warningCount: 0, fixableCount: 0, score: { units: 200, penalty: 5, score: 77.9 } },
      { channel: 'landing', errorCount: 1, warningCount: 0, fixableCount: 0, score: { units: 200, penalty: 5, score: 77.9 } },
    ]);
    // Its findings are read when something reads them.
    expect(() => [...store].map((result) => result.diagnostics)).toThrow();
    (store as unknown as { spill: { fd: number } | null }).spill = null;
  });

  it('gives a spilled result back as it was added: its file, counts and score at once, the rest read when first read', () => {
    const store = new ResultStore('spill');
    const added = resultOf('a.html', { contentUnits: 300, campaign: 'spring', output: 'fixed' });
    store.add(0, added, true);
    const [scored] = [...store.scored()];
    const [plain] = [...store];
    // A broken handle: only what is kept in memory can be read now.
    const spill = (store as unknown as { spill: { fd: number } }).spill;
    const fd = spill.fd;
    spill.fd = -1;
    expect([scored!.file, scored!.channel, scored!.campaign, scored!.errorCount, scored!.score]).toEqual(['a.html', 'landing', 'spring', 1, fileScore(added)]);
    expect(() => scored!.diagnostics).toThrow();
    spill.fd = fd;
    expect(Object.keys(plain!)).toEqual([...Object.keys(added), 'source']);
    expect({ ...plain! }).toEqual({ ...added, source: '<p>a</p>\n' });
    expect({ ...scored! }).toEqual({ ...added, source: '<p>a</p>\n', score: fileScore(added) });
    store.close();
  });

  it('keeps a spilled result\'s JSON report entry, as the report writes it, when asked to', () => {
    const store = new ResultStore('spill', { jsonEntries: true });
    const added = resultOf('a.html', { contentUnits: 300 });
    store.add(0, added, true);
    store.add(1, resultOf('b.html', { campaignData: [] }), true);
    const [spilled, kept] = [...store.scored()];
    expect(Buffer.from(storedJsonEntry(spilled!)!).toString('utf8')).toBe(jsonEntryText(added, fileScore(added)));
    // A result in memory, or one made from a spilled one, is written from its fields.
    expect(storedJsonEntry(kept!)).toBeUndefined();
    expect(storedJsonEntry({ ...spilled! })).toBeUndefined();
    store.close();
  });

  it('adds results a worker wrote to text as it adds results', () => {
    const store = new ResultStore('spill', { jsonEntries: true });
    const added = resultOf('a.html', { contentUnits: 300 });
    store.addSpilled(0, spillResult(added, true, true));
    expect([...store].map((result) => ({ ...result }))).toEqual([{ ...added, source: '<p>a</p>\n' }]);
    store.close();
  });

  it("with `only`, keeps the entry, the file, counts and score, and refuses to hand out findings it did not write", () => {
    const store = new ResultStore('spill', { jsonEntries: 'only' });
    const added = resultOf('a.html', { contentUnits: 300 });
    store.add(0, added, true);
    store.addSpilled(1, spillResult(resultOf('b.html'), true, 'only'));
    const [first, second] = [...store.scored()];
    expect(Buffer.from(storedJsonEntry(first!)!).toString('utf8')).toBe(jsonEntryText(added, fileScore(added)));
    expect(storedJsonEntry(second!)).toBeDefined();
    expect([first!.file, first!.channel, first!.errorCount, first!.warningCount, first!.fixableCount, first!.score]).toEqual(['a.html', 'landing', 1, 0, 0, fileScore(added)]);
    expect(() => first!.diagnostics).toThrow(/internal error: the findings of a.html were read/);
    // Nothing but the entries was written.
    const spill = (store as unknown as { spill: { size: number } }).spill;
    expect(spill.size).toBe(Buffer.byteLength(jsonEntryText(added, fileScore(added))) + Buffer.byteLength(jsonEntryText(resultOf('b.html'), fileScore(resultOf('b.html')))));
    store.close();
  });

  it('leaves no file behind', () => {
    const store = new ResultStore('spill');
    store.add(0, resultOf('a.html'), true);
    const folder = (store as unknown as { spill: { folder: string } }).spill.folder;
    expect(existsSync(folder)).toBe(true);
    store.close();
    expect(existsSync(folder)).toBe(false);
  });
});
