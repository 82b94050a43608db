/**
 * `--shard i/n`: the files of shard i of n, so that n CI jobs lint a large repository in
 * parallel and `brandlint merge` joins their JSON reports. The split is a hash, so it is the same
 * on every machine and does not move files around when others are added. A file that belongs to
 * a campaign is placed by the hash of the campaign id, so every campaign sits whole in one
 * shard and the cross-channel comparison still sees all its channels; other files by the hash of
 * their path relative to the configuration folder.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { toPosix } from './config.js';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n); returns an error message for anything else. */
export function parseShard(text: string): ShardSpec | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) return `--shard must be i/n with 1 <= i <= n (for example 2/4), not "${text}"`;
  return { index, count };
}

/** The 1-based shard a key falls in. */
export function shardOfKey(key: string, count: number): number {
  const digest = createHash('sha256').update(key).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** What places a file: its campaign, else its path relative to the configuration folder. */
export function shardKey(absolutePath: string, rootDir: string, campaign: string | undefined): string {
  return campaign !== undefined ? `campaign:${campaign}` : `file:${toPosix(path.relative(rootDir, absolutePath))}`;
}

/**
 * The campaign a file names in its text, found without parsing it: front matter or YAML
 * `campaign:`, `<meta name="campaign" content="...">`, an SVG's `<svg data-campaign="...">`, a
 * PDF's `/Campaign (...)` information entry (when not compressed), or `utm_campaign=` on a link
 * (in that order). The adapters read the same places; this cheap look is only for placing files.
 */
export function sniffCampaign(text: string): string | undefined {
  const head = text.slice(0, 64 * 1024);
  const yaml = /^[ \t]*campaign[ \t]*:[ \t]*["']?([\w.-]+)["']?[ \t]*(?:#.*)?$/m.exec(head);
  if (yaml) return yaml[1];
  const meta =
    /<meta\b[^>]*\bname\s*=\s*["']?campaign["']?[^>]*\bcontent\s*=\s*["']([^"']+)["']/i.exec(head) ??
    /<meta\b[^>]*\bcontent\s*=\s*["']([^"']+)["'][^>]*\bname\s*=\s*["']?campaign["']?/i.exec(head);
  if (meta) return meta[1]!.trim();
  const svg = /<svg\b[^>]*\bdata-campaign\s*=\s*["']([^"']+)["']/i.exec(head);
  if (svg) return svg[1]!.trim();
  const pdf = /\/Campaign\s*\(([^()\\]+)\)/.exec(text);
  if (pdf && text.startsWith('%PDF-')) return pdf[1]!.trim();
  const utm = /[?&](?:amp;)?utm_campaign=([^&"'\s#<>]+)/i.exec(text);
  if (utm) {
    try {
      return decodeURIComponent(utm[1]!.replace(/\+/g, ' '));
    } catch {
      return utm[1];
    }
  }
  return undefined;
}

export interface ShardFile {
  absolutePath: string;
}

export interface SelectShardOptions<T extends ShardFile> {
  rootDir: string;
  /** The campaign the configuration assigns (`campaigns.assign`), which wins over the text. */
  campaignOf?: (absolutePath: string) => string | undefined;
  /** The file's text, to find the campaign it names (undefined: unreadable, placed by path). */
  readText?: (file: T) => Promise<string | undefined>;
}

/** The files of one shard, in their original order. */
export async function selectShard<T extends ShardFile>(files: readonly T[], shard: ShardSpec, options: SelectShardOptions<T>): Promise<T[]> {
  if (shard.count === 1) return [...files];
  const selected: T[] = [];
  for (const file of files) {
    let campaign = options.campaignOf?.(file.absolutePath);
    if (campaign === undefined && options.readText) {
      const text = await options.readText(file);
      if (text !== undefined) campaign = sniffCampaign(text);
    }
    if (shardOfKey(shardKey(file.absolutePath, options.rootDir, campaign), shard.count) === shard.index) selected.push(file);
  }
  return selected;
}
