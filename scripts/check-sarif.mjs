#!/usr/bin/env node
// Validates SARIF logs against the OASIS SARIF 2.1.0 JSON schema (../shared/schemas, beside the
// repository, or SARIF_SCHEMA). With file arguments it checks those files; without, it lints
// fixtures/ with every format's SARIF output (built CLI) and checks that. Exit 0 valid, 1
// invalid, 2 when the schema or the CLI is missing. Not part of `npm test` (a fresh clone has no
// ../shared); tests assert the fields they rely on with their own expectations.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.resolve(process.env.SARIF_SCHEMA ?? path.join(root, '../shared/schemas/sarif-schema-2.1.0.json'));
if (!existsSync(schemaFile)) {
  console.error(`check-sarif: no schema at ${schemaFile} (set SARIF_SCHEMA)`);
  process.exit(2);
}

// The OASIS schema is draft-04; the keywords it uses mean the same in draft-07 (ajv's default)
// once `id` is spelt `$id`.
const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', (value) => URL.canParse(value));
ajv.addFormat('uri-reference', (value) => URL.canParse(value, 'file:///base/'));
ajv.addFormat('date-time', (value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value));
const validate = ajv.compile({ $id: id, ...schema });

const files = process.argv.slice(2);
const logs = [];
if (files.length > 0) {
  for (const file of files) logs.push({ name: file, text: readFileSync(file, 'utf8') });
} else {
  const bin = path.join(root, 'bin/brandlint.js');
  if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) {
    console.error('check-sarif: dist/ is missing; run `npm run build:ts` first');
    process.exit(2);
  }
  for (const folder of ['fixtures', 'test/fixtures-adapters']) {
    if (!existsSync(path.join(root, folder))) continue;
    const result = spawnSync(process.execPath, [bin, 'lint', '--format', 'sarif', '--no-ignore', folder], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.status === 2) {
      console.error(`check-sarif: brandlint lint ${folder} failed:\n${result.stderr}`);
      process.exit(2);
    }
    logs.push({ name: `brandlint lint --format sarif ${folder}`, text: result.stdout });
  }
}

let failed = 0;
for (const { name, text } of logs) {
  const log = JSON.parse(text);
  const count = log.runs?.[0]?.results?.length ?? 0;
  if (validate(log)) {
    console.log(`valid   ${name} (${count} results)`);
  } else {
    failed++;
    console.log(`INVALID ${name}`);
    for (const error of validate.errors ?? []) console.log(`  ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
