import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempProject } from '../engine/helpers.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO_ROOT, 'bin/brandlint.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`bin/brandlint.js`, which loads dist/) as a user would, without a TTY. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'brandlint-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A temporary project holding the example brand, the fixture campaigns (under campaigns/, with
 * their briefs) and the email fixtures: what the shard, merge and score suites lint.
 */
export async function campaignFixtureProject(): Promise<Awaited<ReturnType<typeof tempProject>>> {
  const project = await tempProject();
  await cp(path.join(REPO_ROOT, 'tokens'), path.join(project.dir, 'tokens'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'fixtures/campaigns'), path.join(project.dir, 'campaigns'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'fixtures/email'), path.join(project.dir, 'email'), { recursive: true });
  await writeFile(path.join(project.dir, 'brandlint.config.yaml'), 'tokens: [tokens/*.tokens.json]\nguidelines: tokens/brand.guidelines.yaml\ncampaigns:\n  briefs: campaigns/briefs\n');
  return project;
}
