import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema, resolveConfig, type BrandlintConfig } from '../../src/engine/config.js';
import { discoverFiles, DiscoveryError, type DiscoverOptions } from '../../src/engine/discovery.js';
import { tempProject } from './helpers.js';

let project: Awaited<ReturnType<typeof tempProject>>;

beforeEach(async () => {
  project = await tempProject({
    'index.html': '<p>home</p>',
    'about.htm': '<p>about</p>',
    'css/site.css': 'a{}',
    'emails/welcome.html': '<p>hi</p>',
    'emails/drafts/wip.html': '<p>wip</p>',
    'emails/logo.png': 'png',
    'social/launch.md': '# launch',
    'notes.txt': 'not content',
    'logo.svg': '<svg/>',
    'node_modules/pkg/index.html': '<p>dep</p>',
    'build/css/variables.css': ':root{}',
    'dist/index.html': '<p>built</p>',
    'web/keep.html': '<p>keep</p>',
    'web/skip.html': '<p>skip</p>',
    '.gitignore': 'dist/\nweb/*\n!web/keep.html\n',
    'emails/.gitignore': 'drafts/\n',
  });
});

afterEach(async () => {
  await project.cleanup();
});

async function discover(options: Partial<DiscoverOptions> & { user?: BrandlintConfig } = {}) {
  const config = await resolveConfig(configSchema.parse(options.user ?? {}), project.dir);
  const result = await discoverFiles({ cwd: project.dir, config, ...options });
  return { files: result.files.map((f) => `${f.file} ${f.channel}${f.explicit ? ' (explicit)' : ''}`), notices: result.notices };
}

describe('discovery', () => {
  it.each([
    ['a campaign brief in the briefs folder is brandlint input, not uncounted copy', 'campaigns/spring.yaml', 0],
    ['the same YAML elsewhere is counted as not linted', 'data/spring.yaml', 1],
  ] as const)('%s', async (_name, file, counted) => {
    await project.write({ [file]: 'offer: 20% off\n' });
    const result = await discoverFiles({ cwd: project.dir, config: await resolveConfig(configSchema.parse({}), project.dir) });
    expect(result.notLinted.filter((group) => group.extension === '.yaml').reduce((sum, group) => sum + group.count, 0)).toBe(counted);
  });

  it('walks the project with .gitignore files (root and nested, with negation), skipping node_modules and the build folder', async () => {
    const { files, notices } = await discover();
    expect(files).toEqual([
      'about.htm landing',
      'css/site.css landing',
      'emails/welcome.html email',
      'index.html landing',
      'social/launch.md social',
      'web/keep.html landing',
    ]);
    expect(notices).toEqual([]);
  });

  it('a nested repository (a folder holding .git) starts a .gitignore chain of its own; the outer .gitignore stops at it', async () => {
    await project.write({
      '.gitignore': 'dist/\nweb/*\n!web/keep.html\n*.draft.html\n',
      'outer.draft.html': '<p>outer draft</p>',
      'nested/.git': 'gitdir: ../.git/modules/nested\n',
      'nested/inner.draft.html': '<p>inner draft</p>',
      'nested/.gitignore': 'skip.html\n',
      'nested/skip.html': '<p>skip</p>',
    });
    const { files } = await discover();
    expect(files).toContain('nested/inner.draft.html landing');
    expect(files).not.toContain('nested/skip.html landing');
    expect(files).not.toContain('outer.draft.html landing');
  });

  it.each([
    ['config ignorePatterns (a folder)', { user: { ignorePatterns: ['css'] } }, ['css/site.css landing']],
    ['config ignorePatterns (a glob)', { user: { ignorePatterns: ['**/*.htm'] } }, ['about.htm landing']],
    ['--ignore-pattern', { ignorePatterns: ['social/**'] }, ['social/launch.md social']],
    ['--ignore-pattern, repeated', { ignorePatterns: ['index.html', 'emails'] }, ['index.html landing', 'emails/welcome.html email']],
  ] as const)('%s', async (_name, options, removed) => {
    const all = (await discover()).files;
    const { files } = await discover(options as Partial<DiscoverOptions> & { user?: BrandlintConfig });
    expect(files).toEqual(all.filter((file) => !(removed as readonly string[]).includes(file)));
  });

  it('--no-ignore drops .gitignore and ignorePatterns, but still skips node_modules and the build folder', async () => {
    const { files } = await discover({ useIgnoreFiles: false, user: { ignorePatterns: ['css'] } });
    expect(files).toEqual([
      'about.htm landing',
      'css/site.css landing',
      'dist/index.html landing',
      'emails/drafts/wip.html email',
      'emails/welcome.html email',
      'index.html landing',
      'social/launch.md social',
      'web/keep.html landing',
      'web/skip.html landing',
    ]);
  });

  it('skips a configured build.outDir', async () => {
    const { files } = await discover({ user: { build: { outDir: 'css' } } });
    expect(files).not.toContain('css/site.css landing');
    expect(files).toContain('index.html landing');
  });

  it('takes folders, files and quoted globs from the command line, deduplicated and sorted', async () => {
    const { files } = await discover({ paths: ['social/launch.md', 'emails', '*.htm*', 'index.html'] });
    expect(files).toEqual(['about.htm landing', 'emails/welcome.html email', 'index.html landing (explicit)', 'social/launch.md social (explicit)']);
  });

  it('a file named explicitly but of no channel, or ignored, is skipped with a notice', async () => {
    const { files, notices } = await discover({ paths: ['emails/logo.png', 'web/skip.html', 'index.html'] });
    expect(files).toEqual(['index.html landing (explicit)']);
    expect(notices).toMatchObject([
      { kind: 'skipped', file: 'emails/logo.png', message: expect.stringMatching(/no channel/) },
      { kind: 'ignored', file: 'web/skip.html', message: expect.stringMatching(/--no-ignore/) },
    ]);
  });

  it('long-form copy named on the command line is an article; in an article folder it is one by default', async () => {
    const { files, notices } = await discover({ paths: ['notes.txt'] });
    expect(files).toEqual(['notes.txt article (explicit)']);
    expect(notices).toEqual([]);
    expect((await discover({})).files).not.toContain('notes.txt article');
  });

  describe('projectFilesOnly (the pre-commit framework names every changed file)', () => {
    const everything = ['index.html', 'about.htm', 'css/site.css', 'emails/welcome.html', 'emails/drafts/wip.html', 'emails/logo.png', 'social/launch.md', 'notes.txt', 'logo.svg', 'node_modules/pkg/index.html', 'dist/index.html', 'web/keep.html', 'web/skip.html', '.gitignore'];

    it('lints exactly the named files a run without paths would lint, and counts the others in one notice', async () => {
      const project = (await discover()).files;
      const { files, notices } = await discover({ paths: everything, projectFilesOnly: true });
      expect(files.map((file) => file.replace(' (explicit)', ''))).toEqual(project);
      // notes.txt would be an article if named on its own; here it is not the project's content
      expect(files).not.toContain('notes.txt article (explicit)');
      expect(notices).toEqual([{ kind: 'skipped', message: '8 of the files named are not content of this project (no channel, or ignored); not linted' }]);
    });

    it('with configured channel globs, only their files are the project', async () => {
      const user = { channels: { email: ['emails/**/*.html'], social: ['notes.txt'] } };
      const { files, notices } = await discover({ user, paths: ['index.html', 'emails/welcome.html', 'notes.txt'], projectFilesOnly: true });
      expect(files).toEqual(['emails/welcome.html email (explicit)', 'notes.txt social (explicit)']);
      expect(notices).toEqual([{ kind: 'skipped', message: '1 of the files named is not content of this project (no channel, or ignored); not linted' }]);
    });

    it('says nothing when every file named is content', async () => {
      expect(await discover({ paths: ['index.html'], projectFilesOnly: true })).toEqual({ files: ['index.html landing (explicit)'], notices: [] });
    });
  });

  it.each([
    ['a missing file', 'missing.html', 'no such file or folder: missing.html'],
    ['a glob without matches', 'nothing/*.html', 'no files match nothing/*.html'],
  ])('%s is a usage error', async (_name, arg, message) => {
    await expect(discover({ paths: [arg] })).rejects.toThrow(new DiscoveryError(message));
  });

  it('without paths, the configured channel globs decide (relative to the config folder)', async () => {
    const { files } = await discover({ user: { channels: { email: ['emails/**/*.html', 'dist/*.html'], social: ['notes.txt'] } } });
    // gitignored files stay out even when a channel glob names them
    expect(files).toEqual(['emails/welcome.html email', 'notes.txt social']);
  });

  it('paths outside the working folder are shown absolute', async () => {
    const other = await tempProject({ 'landing/index.html': '<p>x</p>' });
    try {
      const { files } = await discover({ paths: [other.dir] });
      expect(files).toEqual([`${path.join(other.dir, 'landing/index.html')} landing`]);
    } finally {
      await other.cleanup();
    }
  });
});

describe('minified and vendor files', () => {
  let vendor: Awaited<ReturnType<typeof tempProject>>;
  beforeEach(async () => {
    vendor = await tempProject({
      'landing/index.html': '<p>home</p>',
      'landing/css/site.css': 'a { color: #1f5135 }',
      'landing/css/bootstrap.min.css': ':root{--bs-blue:#0d6efd}',
      'landing/css/app-min.css': 'a{color:red}',
      'landing/vendor/slick/slick.css': '.slick{}',
      'landing/dist/css/styles.css': '@charset "UTF-8";\n/*!\n* Start Bootstrap - Agency v7.0.12\n*/\n/*!\n * Bootstrap  v5.2.3 (https://getbootstrap.com/)\n */\n:root{}',
      // Traps: a site's own build output without a framework banner, a name with "min" inside, a banner outside a build folder.
      'landing/dist/css/theme.css': '/* Northwind theme */\n.hero { color: #1f5135 }',
      'landing/css/admin.css': '.admin{}',
      'landing/css/framework.css': '/*! tailwindcss v3.1.4 | MIT License */\n*{}',
    });
  });
  afterEach(async () => vendor.cleanup());

  const run = async (options: Partial<DiscoverOptions> & { user?: BrandlintConfig } = {}) => {
    const config = await resolveConfig(configSchema.parse(options.user ?? {}), vendor.dir);
    const result = await discoverFiles({ cwd: vendor.dir, config, ...options });
    return { files: result.files.map((f) => f.file), notices: result.notices };
  };

  it('are skipped by default, with one notice naming them', async () => {
    const { files, notices } = await run();
    expect(files).toEqual(['landing/css/admin.css', 'landing/css/framework.css', 'landing/css/site.css', 'landing/dist/css/theme.css', 'landing/index.html']);
    expect(notices).toEqual([
      {
        kind: 'skipped',
        message:
          '4 minified or vendor files not linted (landing/css/app-min.css, landing/css/bootstrap.min.css, landing/dist/css/styles.css and 1 more); set `vendorFiles: lint` in the configuration, or name a file on the command line, to lint them',
      },
    ]);
  });

  it('are linted with vendorFiles: lint', async () => {
    const { files, notices } = await run({ user: { vendorFiles: 'lint' } });
    expect(files).toHaveLength(9);
    expect(notices).toEqual([]);
  });

  it('are linted when named on the command line; found in a named folder they are skipped', async () => {
    const { files, notices } = await run({ paths: ['landing/css/bootstrap.min.css', 'landing/vendor'] });
    expect(files).toEqual(['landing/css/bootstrap.min.css']);
    expect(notices).toMatchObject([{ kind: 'skipped', message: expect.stringMatching(/^1 minified or vendor file not linted \(landing\/vendor\/slick\/slick\.css\)/) }]);
  });
});
