/**
 * `import()` of what the CLI bundle leaves to Node (style-dictionary, the interactive report, a
 * JavaScript configuration file). The launcher runs the bundle as a `vm.Script` with V8's code
 * cache, where Node 20 cannot resolve an `import()` once the code came from the cache; it hands
 * the bundle an importer of its own module instead (`setModuleImporter`). Elsewhere (tests,
 * the library, Node 22) the plain `import()` below is used.
 */
export type Importer = (specifier: string) => Promise<unknown>;

let importer: Importer = (specifier) => import(specifier);

export function setModuleImporter(next: Importer): void {
  importer = next;
}

/** The importer in use (the lint server wraps it to see what a run imports). */
export function currentModuleImporter(): Importer {
  return importer;
}

export async function importModule<Module>(specifier: string): Promise<Module> {
  return (await importer(specifier)) as Module;
}
