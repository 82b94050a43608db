/**
 * Which channel a content file belongs to.
 *
 * The configuration's `channels.<name>` globs win (checked in the order email, landing,
 * chatbot, social). Files no glob names get a channel from these defaults, judged on the
 * file name and the names of its folders (relative to the config folder, else the working folder):
 *
 * | channel | default files |
 * |---|---|
 * | email   | `*.eml`, `*.mjml`, `*.email.html`/`*.email.htm`, and `*.html`/`*.htm` (or a Nunjucks/Jinja page) under a folder named `email`, `emails`, `mail`, `newsletter` or `newsletters` |
 * | chatbot | `domain.yml`/`domain.yaml` (Rasa), `*.lg` (Bot Framework), `*.bot.yml`/`*.bot.yaml`/`*.bot.json`, and `*.yml`/`*.yaml`/`*.json` under a folder named `bot`, `bots`, `chatbot` or `chatbots` |
 * | social  | `*.post.md`, `*.tweet`, and `*.md`/`*.markdown`/`*.csv`/`*.txt` under a folder named `social` or `posts` (not a README, LICENSE, ... file) |
 * | landing | every other `*.html`/`*.htm`, Nunjucks/Jinja page (`*.njk`, `*.jinja`, `*.jinja2`, `*.html.j2`), `*.css`, `*.scss` |
 * | article | `*.md`/`*.markdown`/`*.mdx`/`*.adoc`/`*.asciidoc`/`*.asc`/`*.txt` under a folder named `blog`, `articles`, `docs`, `help`, `kb`, `sales` or `scripts` |
 * | print   | `*.print.svg`/`*.print.pdf`, and `*.svg`/`*.pdf` under a folder named `print`, `artwork`, `posters`, `flyers`, `banners` or `brochures` (an SVG icon of a web site is no print) |
 *
 * Every other file belongs to no channel and is not linted, except that a long-form file
 * ({@link ARTICLE_EXTENSIONS}) named on the command line is an article, and an `.svg` or `.pdf`
 * named there is print ({@link explicitChannelOf}).
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { CHANNELS, type Channel } from '../core/channels.js';
import { toPosix, type ResolvedConfig } from './config.js';

/**
 * Channels that have an adapter in src/channels/. Files of the other channels are skipped with
 * a notice; when an adapter lands, flip its entry here.
 */
export const CHANNEL_ADAPTERS: Readonly<Record<Channel, boolean>> = {
  email: true,
  landing: true,
  chatbot: true,
  social: true,
  article: true,
  print: true,
};

export function hasAdapter(channel: Channel): boolean {
  return CHANNEL_ADAPTERS[channel];
}

const EMAIL_FOLDERS = new Set(['email', 'emails', 'mail', 'newsletter', 'newsletters']);
const BOT_FOLDERS = new Set(['bot', 'bots', 'chatbot', 'chatbots']);
const SOCIAL_FOLDERS = new Set(['social', 'posts']);
const ARTICLE_FOLDERS = new Set(['blog', 'articles', 'docs', 'help', 'kb', 'sales', 'scripts']);
/** Nunjucks and Jinja pages: HTML with template syntax (masked by the HTML walker). */
const TEMPLATE_PAGE = /\.(?:njk|jinja2?|html?\.j2)$/;
/** Files of a repository that are about it, not posts (`README.md`, `LICENSE.txt`, ...). */
export const PROJECT_FILE = /^(?:readme|licen[cs]e|copying|notice|changelog|changes|contributing|code_of_conduct|authors|security)(?:[._-].*)?$/;
const PRINT_FOLDERS = new Set(['print', 'artwork', 'posters', 'flyers', 'banners', 'brochures']);
/** Extensions of print and artwork files (the print channel's formats). */
export const PRINT_EXTENSIONS: ReadonlySet<string> = new Set(['.svg', '.pdf']);
/** Extensions of long-form copy (the article channel's formats). */
export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.mdx', '.adoc', '.asciidoc', '.asc', '.txt']);

/**
 * The default channel of a file from its path (forward or back slashes; only the file name and
 * folder names count, so pass the path relative to the project).
 */
export function defaultChannelOf(file: string): Channel | null {
  const segments = file.toLowerCase().split(/[\\/]+/).filter(Boolean);
  const name = segments.pop() ?? '';
  const extension = path.extname(name);
  const inFolder = (folders: ReadonlySet<string>): boolean => segments.some((segment) => folders.has(segment));
  const html = extension === '.html' || extension === '.htm' || TEMPLATE_PAGE.test(name);

  if (extension === '.eml' || extension === '.mjml' || /\.email\.html?$/.test(name)) return 'email';
  if (html && inFolder(EMAIL_FOLDERS)) return 'email';

  if (name === 'domain.yml' || name === 'domain.yaml' || extension === '.lg' || /\.bot\.(ya?ml|json)$/.test(name)) return 'chatbot';
  if ((extension === '.yml' || extension === '.yaml' || extension === '.json') && inFolder(BOT_FOLDERS)) return 'chatbot';

  if (name.endsWith('.post.md') || (extension === '.tweet' && !PROJECT_FILE.test(name))) return 'social';
  if (SOCIAL_EXTENSIONS.has(extension) && inFolder(SOCIAL_FOLDERS) && !PROJECT_FILE.test(name)) return 'social';

  if (html || extension === '.css' || extension === '.scss') return 'landing';
  if (ARTICLE_EXTENSIONS.has(extension) && inFolder(ARTICLE_FOLDERS)) return 'article';
  if (/\.print\.(svg|pdf)$/.test(name) || (PRINT_EXTENSIONS.has(extension) && inFolder(PRINT_FOLDERS))) return 'print';
  return null;
}

/** Extensions of social posts in a `social` or `posts` folder. */
const SOCIAL_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.csv', '.txt', '.tweet']);

/**
 * Why a file that no channel claims is not linted, for the run's closing "not linted" line: the
 * same judgement as {@link defaultChannelOf}, put in words.
 */
export function notLintedReason(file: string): string {
  const segments = file.toLowerCase().split(/[\\/]+/).filter(Boolean);
  const name = segments.pop() ?? '';
  const extension = path.extname(name);
  if (PROJECT_FILE.test(name) && (SOCIAL_EXTENSIONS.has(extension) || ARTICLE_EXTENSIONS.has(extension))) return 'project files such as README and LICENSE, not copy';
  switch (extension) {
    case '.yml':
    case '.yaml':
    case '.json':
      return 'chatbot scripts only in a bot/ folder or named *.bot.*; set channels.chatbot to lint them';
    case '.md':
    case '.markdown':
    case '.mdx':
    case '.adoc':
    case '.asciidoc':
    case '.asc':
    case '.txt':
      return 'copy only in a social/, posts/, blog/, docs/, ... folder; set channels.article or channels.social to lint them';
    case '.csv':
      return 'post schedules only in a social/ or posts/ folder; set channels.social to lint them';
    case '.svg':
    case '.pdf':
      return 'artwork only in a print/, artwork/, posters/, ... folder or named *.print.svg; set channels.print to lint them';
    case '':
      return 'no extension: no channel reads such files';
    default:
      return IMAGE_OR_FONT.test(extension) ? 'images, fonts and other assets: not copy' : `no channel reads ${extension} files`;
  }
}

const IMAGE_OR_FONT = /^\.(?:png|jpe?g|gif|webp|avif|ico|bmp|tiff?|woff2?|ttf|otf|eot|mp4|webm|mov|mp3|wav|zip|gz)$/;

/** The channel of a file named on the command line that no glob or default claims: long-form copy is an article, artwork is print. */
export function explicitChannelOf(file: string): Channel | null {
  const extension = path.extname(file).toLowerCase();
  if (PRINT_EXTENSIONS.has(extension)) return 'print';
  return ARTICLE_EXTENSIONS.has(extension) ? 'article' : null;
}

/** Decides channels for absolute paths: configured globs first, then {@link defaultChannelOf}. */
export type ChannelResolver = (absolutePath: string) => Channel | null;

export function createChannelResolver(config: Pick<ResolvedConfig, 'channels' | 'rootDir'>, cwd: string): ChannelResolver {
  const configured = CHANNELS.flatMap((channel) => {
    const globs = config.channels[channel];
    return globs && globs.length > 0 ? [{ channel, matches: globMatcher(globs) }] : [];
  });
  const bases = [toPosix(config.rootDir), toPosix(cwd)];
  return (absolutePath) => {
    const file = toPosix(absolutePath);
    for (const { channel, matches } of configured) if (matches(file)) return channel;
    const base = bases.find((dir) => isInside(file, dir));
    return defaultChannelOf(base ? path.posix.relative(base, file) : file);
  };
}

/**
 * A matcher for absolute posix paths against absolute globs where a leading `!` excludes:
 * a path matches when some positive glob matches and no negative one does.
 */
export function globMatcher(globs: readonly string[]): (file: string) => boolean {
  const positive = globs.filter((glob) => !glob.startsWith('!'));
  const negative = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const include = positive.length > 0 ? picomatch(positive, { dot: true }) : () => false;
  const exclude = negative.length > 0 ? picomatch(negative, { dot: true }) : () => false;
  return (file) => include(file) && !exclude(file);
}

/** Whether posix path `file` is `dir` or inside it. */
export function isInside(file: string, dir: string): boolean {
  if (file === dir) return true;
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return file.startsWith(prefix);
}
