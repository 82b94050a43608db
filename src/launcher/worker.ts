/**
 * A worker thread of a lint run (see src/engine/pool.ts): loads the CLI bundle as the launcher
 * does, with V8's code cache, and lints the batches it is given.
 */
import { fileURLToPath } from 'node:url';
import { loadBundle } from './load-bundle.js';

interface BundleExports {
  setModuleImporter(importer: (specifier: string) => Promise<unknown>): void;
  lintBatch(task: unknown): Promise<unknown>;
  typicalRunInThisThread(): boolean;
}

if (process.env.BRANDLINT_TIMELINE) process.stderr.write(`brandlint-timeline ${(process.uptime() * 1000).toFixed(1)} worker-launcher start\n`);
const bundle = loadBundle<BundleExports>(fileURLToPath(new URL('../cli/brandlint.cjs', import.meta.url)));
bundle.exports.setModuleImporter((specifier) => import(specifier));
if (process.env.BRANDLINT_TIMELINE) process.stderr.write(`brandlint-timeline ${(process.uptime() * 1000).toFixed(1)} worker-launcher loaded\n`);
let cacheSaved = false;

export default async function lintBatch(task: unknown): Promise<unknown> {
  const reply = await bundle.exports.lintBatch(task);
  if (!cacheSaved) {
    cacheSaved = true;
    bundle.saveCache(bundle.exports.typicalRunInThisThread());
  }
  return reply;
}
