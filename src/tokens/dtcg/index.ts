/**
 * DTCG 2025.10 token files: loading, validation and resolution.
 *
 * - `validateTokenDocument(text, file)` checks one file as its own document.
 * - `loadTokenSet(inputs)` merges several files into one token set and resolves every token.
 * - `loadTokenFiles(paths)` reads files from disk, then does `loadTokenSet`.
 */
export { loadTokenSet, validateTokenDocument } from './load.js';
export type { TokenInput } from './load.js';
export { loadTokenFiles } from './files.js';
export type { LoadTokenFilesOptions } from './files.js';
export { CODES as DTCG_RULE_IDS } from './report.js';
export { parseTokenText } from './load.js';
export type { LoadTokenSetOptions } from './load.js';
export {
  allInputs,
  checkInput,
  defaultInput,
  inputName,
  isResolverFileName,
  isResolverNode,
  modifiersOf,
  parseResolverDocument,
  referencedFiles,
  resolveInput,
  uniqueDiagnostics,
  validateResolverDocument,
} from './resolver.js';
export type { ResolverDocument, ResolverFile, ResolverInput, ResolverModifier, ResolverSet, ResolverSource } from './resolver.js';
