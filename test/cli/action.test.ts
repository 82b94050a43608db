import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { BIN, REPO_ROOT, tempDir } from './helpers.js';

/**
 * The GitHub Action (action.yml at the repository root): its structure, the action majors it and
 * the workflow samples of docs/ci.md use, and its shell steps run with bash as the runner would
 * run them (the built CLI standing in for the npm install).
 */
interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'continue-on-error'?: string | boolean;
}
interface ActionFile {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const actionText = readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8');
const action = parse(actionText) as ActionFile;
const docs = readFileSync(path.join(REPO_ROOT, 'docs/ci.md'), 'utf8');
const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The current major of each action a step may use (December 2026); an older major fails. */
const CURRENT_MAJORS: Record<string, number> = {
  'actions/checkout': 7,
  'actions/setup-node': 7,
  'actions/cache': 5,
  'actions/upload-artifact': 6,
  'github/codeql-action/upload-sarif': 4,
};

function checkUses(uses: string): void {
  if (uses === `brandlint/brandlint@v${version}`) return;
  const match = /^([\w.-]+\/[\w./-]+)@v(\d+)$/.exec(uses);
  expect(match, `${uses} is pinned to a major version tag (owner/name@vN)`).not.toBeNull();
  const [, name, major] = match!;
  expect(CURRENT_MAJORS[name!], `${name} is a known action`).toBeDefined();
  expect(Number(major), `${uses} uses the current major`).toBeGreaterThanOrEqual(CURRENT_MAJORS[name!]!);
}

/** The ```yaml blocks of docs/ci.md. */
const yamlBlocks = [...docs.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('action.yml', () => {
  it('is a composite action with a name, a description and described inputs and outputs', () => {
    expect(action.name).toBe('brandlint');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.runs.using).toBe('composite');
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, `input ${name}`).toBeTruthy();
      expect(typeof input.default, `input ${name} has a string default`).toBe('string');
    }
    for (const [name, output] of Object.entries(action.outputs)) expect(output.description && output.value, `output ${name}`).toBeTruthy();
  });

  it('uses exactly the inputs it declares', () => {
    const used = new Set([...actionText.matchAll(/\binputs\.([\w-]+)/g)].map((match) => match[1]!));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('refers only to steps that exist', () => {
    const ids = new Set(action.runs.steps.map((step) => step.id).filter(Boolean));
    for (const [, id] of actionText.matchAll(/\bsteps\.([\w-]+)\./g)) expect(ids.has(id!), `steps.${id}`).toBe(true);
  });

  it('pins every action it uses to a current major', () => {
    const uses = action.runs.steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses).toContain('github/codeql-action/upload-sarif@v4');
    for (const one of uses) checkUses(one);
  });

  it('gives every script a shell and never interpolates inputs or event data into a script (they come through env)', () => {
    for (const step of action.runs.steps.filter((one) => one.run !== undefined)) {
      expect(step.shell, step.name).toBe('bash');
      expect(step.run, step.name).not.toMatch(/\$\{\{/);
    }
  });

  it('installs the brandlint of its own version unless told another', () => {
    const install = action.runs.steps.find((step) => step.id === 'install')!;
    expect(install.run).toContain('"$GITHUB_ACTION_PATH/package.json"');
    expect(install.run).toContain('"brandlint@$version"');
  });
});

describe('docs/ci.md', () => {
  it('samples use current action majors and brandlint at its version tag', () => {
    const uses = yamlBlocks.flatMap((block) => [...block.matchAll(/uses:\s*(\S+)/g)].map((match) => match[1]!));
    expect(uses).toContain(`brandlint/brandlint@v${version}`);
    for (const one of uses) checkUses(one);
  });

  it('the workflow sample is valid YAML with the permissions the upload needs', () => {
    const workflows = yamlBlocks.map((block) => parseAllDocuments(block)[0]!.toJS() as Record<string, unknown>).filter((doc) => doc && 'jobs' in doc);
    expect(workflows.length).toBeGreaterThan(0);
    const withAction = workflows.find((doc) => JSON.stringify(doc).includes('brandlint/brandlint@'))!;
    expect(withAction.permissions).toMatchObject({ contents: 'read', 'security-events': 'write', actions: 'read' });
  });

  it('the pre-commit sample pins the repository at the version tag', () => {
    expect(docs).toMatch(new RegExp(`repo: https://github.com/brandlint/brandlint\\n\\s+rev: v${version.replace(/\./g, '\\.')}\\n`));
    expect(docs).toContain('brandlint hook uninstall');
  });
});

describe('action.yml steps, run with bash', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('brandlint-action-'));
    writeFileSync(path.join(dir, 'good.html'), '<p>Hello</p>\n');
    writeFileSync(path.join(dir, 'bad.html'), '<!-- brandlint-disable-next-line no-such-rule -->\n<p>Hello</p>\n');
  });
  afterEach(() => cleanup());

  /** Runs a step's script as the runner would: bash, the step's env with the given values, a GITHUB_OUTPUT file. */
  function runStep(id: string, env: Record<string, string>) {
    const step = action.runs.steps.find((one) => (one.id ?? one.name) === id)!;
    const output = path.join(dir, `output-${id}`);
    writeFileSync(output, '');
    const result = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GITHUB_OUTPUT: output, BRANDLINT: BIN, JSON_REPORT: path.join(dir, 'report.json'), ...env },
    });
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => line.split('=', 2) as [string, string]));
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
  }
  const lintInputs = { INPUT_PATHS: '', INPUT_CONFIG: '', INPUT_BASELINE: '', INPUT_MIN_SEVERITY: 'warning', INPUT_MAX_WARNINGS: '', INPUT_FORMAT: 'stylish', INPUT_SARIF_FILE: 'brandlint.sarif' };

  it('lints, writes SARIF and a JSON report, and hands the exit code on; annotations come from the JSON report', () => {
    const lint = runStep('lint', lintInputs);
    expect(lint.code).toBe(0);
    expect(lint.outputs).toEqual({ 'exit-code': '1', sarif: 'true' });
    expect(lint.stdout).toMatch(/bad\.html\n\s+1:34\s+error\s+unknown rule "no-such-rule"/);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'brandlint.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(1);
    expect(existsSync(path.join(dir, 'report.json'))).toBe(true);

    const annotate = runStep('Annotate', { UPLOAD_FAILED: 'false' });
    expect(annotate.code).toBe(0);
    expect(annotate.stdout).toMatch(/^::error file=bad\.html,line=1,.*unknown rule/m);
  });

  it('passes paths (globs unexpanded by the shell) and honours the baseline', () => {
    const only = runStep('lint', { ...lintInputs, INPUT_PATHS: ' good.html\n' });
    expect(only.outputs['exit-code']).toBe('0');
    // bash (without globstar) would expand **/*.html to sub/page.html only; brandlint's glob also finds bad.html.
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub/page.html'), '<p>Hello</p>\n');
    const glob = runStep('lint', { ...lintInputs, INPUT_PATHS: 'sub/page.html\n**/*.html' });
    expect(glob.outputs['exit-code']).toBe('1');
    expect(glob.stdout).toContain('bad.html');
    expect(spawnSync(process.execPath, [BIN, 'lint', '--baseline-write', 'baseline.json'], { cwd: dir }).status).toBe(0);
    const known = runStep('lint', { ...lintInputs, INPUT_BASELINE: 'baseline.json' });
    expect(known.outputs['exit-code']).toBe('0');
    expect(known.stderr).toContain('baseline: 1 known finding not reported');
    expect(runStep('Annotate', { UPLOAD_FAILED: 'false' }).stdout).not.toContain('::error');
  });

  it('min-severity error reports errors only; max-warnings fails on warnings; a bad value is a usage error', () => {
    writeFileSync(path.join(dir, 'brandlint.config.yaml'), 'rules:\n  brandlint/unknown-rule: warn\n');
    const warned = runStep('lint', lintInputs);
    expect(warned.outputs['exit-code']).toBe('0');
    expect(warned.stdout).toContain('1:34  warning  unknown rule');
    const quiet = runStep('lint', { ...lintInputs, INPUT_MIN_SEVERITY: 'error' });
    expect(quiet.outputs['exit-code']).toBe('0');
    expect(quiet.stdout).not.toContain('unknown rule');
    expect(runStep('lint', { ...lintInputs, INPUT_MAX_WARNINGS: '0' }).outputs['exit-code']).toBe('1');
    const wrong = runStep('lint', { ...lintInputs, INPUT_MIN_SEVERITY: 'info' });
    expect(wrong.outputs['exit-code']).toBe('2');
    expect(wrong.stdout).toContain('::error title=brandlint::the min-severity input must be warning or error');
  });

  it.each([
    ['auto', 'false', 'true'],
    ['auto', 'true', 'false'],
    ['true', 'true', 'true'],
    ['false', 'false', 'false'],
  ])('upload %s with a read-only token %s: upload=%s', (upload, readOnly, expected) => {
    const decide = runStep('decide', { INPUT_UPLOAD: upload, READ_ONLY: readOnly });
    expect(decide.code).toBe(0);
    expect(decide.outputs).toEqual({ upload: expected });
  });

  it('refuses an unknown upload value', () => {
    const decide = runStep('decide', { INPUT_UPLOAD: 'yes', READ_ONLY: 'false' });
    expect(decide.code).toBe(2);
    expect(decide.stdout).toContain('the upload input must be auto, true or false');
  });
});
