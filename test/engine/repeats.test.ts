import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fix.js';
import { lintProject } from '../../src/engine/lint-project.js';
import { groupRepeatedFindings, REPEAT_THRESHOLD } from '../../src/engine/repeats.js';
import { json } from '../../src/report/formatters/json.js';
import { sarif } from '../../src/report/formatters/sarif.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { REPO_ROOT } from '../cli/helpers.js';
import { tempProject } from './helpers.js';

/**
 * A value repeated many times in one file is one finding: the first occurrence, the count in its
 * message, the others as related locations (JSON `related`, SARIF `relatedLocations`), and a
 * fix that still edits every occurrence.
 */
let project: Awaited<ReturnType<typeof tempProject>>;
const rule = (n: number, size: string) => Array.from({ length: n }, (_, i) => `.c${i} { font-size: ${size}; }`).join('\n');

beforeAll(async () => {
  project = await tempProject();
  await cp(path.join(REPO_ROOT, 'tokens'), path.join(project.dir, 'tokens'), { recursive: true });
  await writeFile(path.join(project.dir, 'brandlint.config.yaml'), 'tokens: [tokens/*.tokens.json]\nguidelines: tokens/brand.guidelines.yaml\nchannels:\n  landing: ["site/**"]\nrules:\n  font-size-off-scale: error\n');
  // Six times 15px (grouped), four times 13px (under the threshold: four findings).
  await mkdir(path.join(project.dir, 'site'), { recursive: true });
  await writeFile(path.join(project.dir, 'site/many.css'), `${rule(6, '15px')}\n${rule(REPEAT_THRESHOLD - 1, '13px').replace(/\.c/g, '.d')}\n`);
});
afterAll(async () => project.cleanup());

const findings = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === 'font-size-off-scale');

describe('a value repeated many times in a file', () => {
  it('is one finding with the count and the other places as related locations; fewer stay apart', async () => {
    const outcome = await lintProject({ cwd: project.dir });
    if (!outcome.ok) throw new Error(outcome.message);
    const found = findings(outcome.results[0]!.diagnostics);
    expect(found.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.message}`)).toEqual([
      '1:18 15px is not on the type scale; nearest step is font.size.base (16px) (6 times in this file)',
      '7:18 13px is not on the type scale; nearest step is font.size.sm (14px)',
      '8:18 13px is not on the type scale; nearest step is font.size.sm (14px)',
      '9:18 13px is not on the type scale; nearest step is font.size.sm (14px)',
      '10:18 13px is not on the type scale; nearest step is font.size.sm (14px)',
    ]);
    expect(found[0]!.related?.map((r) => r.range?.start.line)).toEqual([2, 3, 4, 5, 6]);
    expect(found[0]!.fix?.edits).toHaveLength(6);
    // The grouped finding's own fix (what an editor or the report applies) edits every occurrence.
    const source = await readFile(path.join(project.dir, 'site/many.css'), 'utf8');
    expect(applyFixes(source, [found[0]!]).text.match(/15px/g)).toBeNull();

    const context = { cwd: project.dir, color: false, notices: [] };
    const report = JSON.parse(json(outcome.results, context));
    expect(report.results[0].diagnostics[0].related).toHaveLength(5);
    const log = JSON.parse(sarif(outcome.results, context));
    const result = log.runs[0].results.find((r: { message: { text: string } }) => r.message.text.includes('6 times'));
    expect(result.relatedLocations).toHaveLength(5);
    expect(result.relatedLocations[0].physicalLocation.region.startLine).toBe(2);
  });

  it('--fix still fixes every occurrence', async () => {
    const outcome = await lintProject({ cwd: project.dir, fix: 'write' });
    if (!outcome.ok) throw new Error(outcome.message);
    const text = await readFile(path.join(project.dir, 'site/many.css'), 'utf8');
    expect(text.match(/15px|13px/g)).toBeNull();
    expect(text.match(/var\(--font-size-base\)/g)).toHaveLength(6);
    expect(text.match(/var\(--font-size-sm\)/g)).toHaveLength(REPEAT_THRESHOLD - 1);
  });

  it('keeps findings with related locations of their own apart (trap)', () => {
    const at = (line: number) => ({ start: { line, column: 1, offset: line * 10 }, end: { line, column: 2, offset: line * 10 + 1 } });
    const own: Diagnostic[] = [1, 2, 3, 4, 5, 6].map((line) => ({
      ruleId: 'color-contrast',
      severity: 'error',
      message: 'low contrast',
      file: 'a.css',
      range: at(line),
      related: [{ file: 'a.css', range: at(line), message: 'background' }],
    }));
    expect(groupRepeatedFindings(own)).toHaveLength(6);
  });
});
