import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/lint-project.js';
import { REPO_ROOT } from '../cli/helpers.js';
import { tempProject } from '../engine/helpers.js';

/**
 * channel-visual-drift reports colors and fonts the brand lacks, so each of its findings falls on
 * a value color-off-palette (or font-family-off-brand) already marks: at the same range only the
 * file rule's finding stays; with the file rule off, the drift finding is still reported.
 */
let project: Awaited<ReturnType<typeof tempProject>>;
const page = (style: string) => `<html lang="en"><head><meta name="campaign" content="spring"></head><body><p style="${style}">Spring is here.</p></body></html>\n`;

beforeAll(async () => {
  project = await tempProject();
  await cp(path.join(REPO_ROOT, 'tokens'), path.join(project.dir, 'tokens'), { recursive: true });
  await writeFile(path.join(project.dir, 'a.html'), page('color: #1f5135'));
  await writeFile(path.join(project.dir, 'b.html'), page('color: #ff6600'));
});
afterAll(async () => project.cleanup());

async function findings(rules: string) {
  await writeFile(path.join(project.dir, 'brandlint.config.yaml'), `tokens: [tokens/*.tokens.json]\nguidelines: tokens/brand.guidelines.yaml\nchannels:\n  landing: ["*.html"]\n${rules}`);
  const outcome = await lintProject({ cwd: project.dir, paths: ['a.html', 'b.html'] });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.results
    .flatMap((result) => result.diagnostics)
    .filter((d) => d.ruleId === 'color-off-palette' || d.ruleId === 'channel-visual-drift')
    .map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.ruleId}`);
}

describe('channel-visual-drift and color-off-palette on the same value', () => {
  it('reports the value once, as off the palette', async () => {
    expect(await findings('')).toEqual(['b.html:1:92 color-off-palette']);
  });
  it('still reports the drift when color-off-palette is off', async () => {
    expect(await findings('rules:\n  color-off-palette: off\n')).toEqual(['b.html:1:92 channel-visual-drift']);
  });
});
