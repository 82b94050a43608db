#!/usr/bin/env node
// Thin launcher (CommonJS, see bin/package.json): dist/src/launcher/cli.cjs loads the bundled CLI,
// dist/src/cli/brandlint.cjs, with V8's code cache and runs it. Both are built by `npm run prepare`,
// which `npm ci` runs (scripts/build.mjs); src/launcher/cli.ts is the source.
'use strict';
require('../dist/src/launcher/cli.cjs');
