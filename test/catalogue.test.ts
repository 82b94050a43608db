import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS, loadRule, type AnyDocumentRule } from '../rules/index.js';
import { renderRuleTable, renderRulesPage } from '../scripts/docs-rules.mjs';
import { lintProject } from '../src/engine/lint-project.js';
import { REPO_ROOT } from './rule-tester.js';

/**
 * The catalogue checks itself (stylelint's lib/rules/__tests__/index.test.mjs): every rule of
 * the registry has its README, its tests, its fixtures and its row in docs/rules.md, and
 * docs/rules.md is exactly what `npm run docs:rules` generates from the rules' `meta`.
 */

/** Consistency rules with no campaign in fixtures/campaigns/ that shows them yet; each entry says why. Keep it short. */
const NO_CAMPAIGN_FIXTURE_YET: Readonly<Record<string, string>> = {
  'campaign-missing-fact': 'both example campaigns state every fact in every file; covered by its table tests',
  'channel-visual-drift': 'both example campaigns use the brand palette only; covered by its table tests',
};

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? listFiles(full) : [path.relative(REPO_ROOT, full).split(path.sep).join('/')];
  });
}

const fixtureFiles = listFiles(path.join(REPO_ROOT, 'fixtures'));
const rules = new Map<string, AnyDocumentRule>();
let campaignRuleIds: Set<string>;

beforeAll(async () => {
  for (const id of RULE_IDS) {
    const rule = await loadRule(id);
    if (rule) rules.set(id, rule);
  }
  const outcome = await lintProject({ cwd: REPO_ROOT, paths: ['fixtures/campaigns'] });
  if (!outcome.ok) throw new Error(outcome.message);
  campaignRuleIds = new Set(outcome.results.flatMap((result) => result.diagnostics.map((d) => d.ruleId)));
}, 120_000);

const metas = () => [...rules.values()].map((rule) => rule.meta);

describe('the rule catalogue', () => {
  it('loads every rule of the registry, under its own id', () => {
    expect([...rules.keys()]).toEqual([...RULE_IDS]);
    for (const [id, rule] of rules) expect(rule.meta.id).toBe(id);
  });

  it.each(RULE_IDS)('%s has its meta: a description, a category and a default level', (id) => {
    const { meta } = rules.get(id)!;
    expect(meta.description.length, 'description').toBeGreaterThan(10);
    expect(['visual', 'voice', 'limits', 'consistency']).toContain(meta.category);
    expect(['off', 'warn', 'error']).toContain(meta.defaultLevel);
    expect(Object.keys(meta.messages).length, 'messages').toBeGreaterThan(0);
  });

  it.each(RULE_IDS)('%s has its README with failing and passing examples', (id) => {
    const readme = path.join(REPO_ROOT, 'rules', id, 'README.md');
    expect(existsSync(readme), `rules/${id}/README.md`).toBe(true);
    const text = readFileSync(readme, 'utf8');
    expect(text.startsWith(`# ${id}`) || text.startsWith(`# \`${id}\``), `rules/${id}/README.md starts with its id`).toBe(true);
  });

  it.each(RULE_IDS)('%s has its test file', (id) => {
    const tests = readdirSync(path.join(REPO_ROOT, 'rules', id)).filter((name) => name.endsWith('.test.ts'));
    expect(tests, `rules/${id}/*.test.ts`).toContain(`${id}.test.ts`);
  });

  it.each(RULE_IDS)('%s has fixtures', (id) => {
    if (rules.get(id)!.meta.category === 'consistency') {
      // Campaign rules compare files: their fixtures are the example campaigns, and the rule must fire there.
      if (id in NO_CAMPAIGN_FIXTURE_YET) {
        expect(campaignRuleIds.has(id), `${id} now fires on fixtures/campaigns/: remove it from NO_CAMPAIGN_FIXTURE_YET`).toBe(false);
        return;
      }
      expect(campaignRuleIds.has(id), `${id} fires on fixtures/campaigns/`).toBe(true);
      return;
    }
    // fixtures/<channel>/<rule-id>.fail.<ext> breaks the rule and nothing else (test/fixtures.test.ts).
    expect(fixtureFiles.filter((file) => path.basename(file).startsWith(`${id}.fail.`)), `fixtures/*/${id}.fail.*`).not.toEqual([]);
  });

  it('lists every rule in docs/rules.md, linked to its README', () => {
    const page = readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    for (const id of RULE_IDS) expect(page, id).toContain(`| [\`${id}\`](../rules/${id}/README.md) |`);
  });

  it('docs/rules.md is what `npm run docs:rules` generates from the rules\' meta', () => {
    const page = readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    expect(page, 'run `npm run build:ts && npm run docs:rules`').toBe(renderRulesPage(page, metas()));
  });

  it('the generator refuses a category without a table, so no rule goes unlisted', () => {
    const [first] = metas();
    expect(() => renderRulesPage('# Rules\n', [first!])).toThrow(/no table for the categories/);
    expect(renderRuleTable([{ id: 'x-y', description: 'Has | a pipe.', category: 'visual', fixable: true, defaultLevel: 'warn', channels: ['email'] }], 'visual')).toContain(
      '| [`x-y`](../rules/x-y/README.md) | email | warn | yes | Has \\| a pipe. |',
    );
  });
});

describe('the docs', () => {
  /** Every relative link in README.md and docs/*.md points at a file that exists, and at a heading there. */
  const pages = ['README.md', ...readdirSync(path.join(REPO_ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
  const slug = (heading: string) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_\- ]/gu, '')
      .replaceAll(' ', '-');
  const headingsOf = (text: string) => {
    const out = new Set<string>();
    let fenced = false;
    for (const line of text.split('\n')) {
      if (line.startsWith('```')) fenced = !fenced;
      else if (!fenced && /^#{1,6} /.test(line)) out.add(slug(line.replace(/^#+ /, '')));
    }
    return out;
  };

  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const text = readFileSync(path.join(REPO_ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken: string[] = [];
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      const [file = '', anchor] = target.split('#');
      const resolved = file ? path.join(REPO_ROOT, path.dirname(page), file) : path.join(REPO_ROOT, page);
      if (!existsSync(resolved)) broken.push(`${target}: no such file`);
      else if (anchor && resolved.endsWith('.md') && !headingsOf(readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${target}: no such heading`);
    }
    expect(broken).toEqual([]);
  });

  it('the README stays short and links the docs index', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme.length).toBeLessThan(8000);
    expect(readme).toContain('](docs/README.md)');
  });

  it('docs/development.md names every value the package exports (src/index.ts)', () => {
    const index = readFileSync(path.join(REPO_ROOT, 'src/index.ts'), 'utf8');
    const exported = [...index.matchAll(/^export \{([^}]*)\} from/gm)].flatMap((match) => match[1]!.split(',').map((name) => name.trim()).filter(Boolean));
    expect(exported).toContain('lintProject');
    const api = readFileSync(path.join(REPO_ROOT, 'docs/development.md'), 'utf8');
    expect(exported.filter((name) => !api.includes(`\`${name}`))).toEqual([]);
  });

  it('docs/README.md links every page in docs/', () => {
    const index = readFileSync(path.join(REPO_ROOT, 'docs/README.md'), 'utf8');
    const unlisted = pages.filter((page) => page.startsWith('docs/') && page !== 'docs/README.md' && !index.includes(`](${page.slice(5)})`));
    expect(unlisted, 'add a line for each page to docs/README.md').toEqual([]);
  });
});
