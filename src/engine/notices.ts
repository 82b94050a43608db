/**
 * The run's notices as reports show them: the same notice given for many files is one notice
 * listing the files, and the files a folder walk found but did not lint are one closing line,
 * by extension and reason. Every report format (stylish on stderr, JSON `notices`, SARIF
 * `toolExecutionNotifications`) shows these, so no format is noisier or quieter than another.
 */
import type { Channel } from '../core/channels.js';
import type { RuleMeta } from '../core/rule.js';
import type { BrandModel } from '../tokens/brand-model.js';
import type { NotLintedGroup } from './discovery.js';
import type { LintNotice } from './result.js';

/**
 * Notices with the same kind and message collapsed into one, in the order of their first
 * occurrence: a notice of one file keeps `file`; of several, it lists them in `files`.
 * Notices that concern no file are kept as they are (once each).
 */
export function collapseNotices(notices: readonly LintNotice[]): LintNotice[] {
  const groups = new Map<string, { notice: LintNotice; files: string[] }>();
  const order: Array<{ notice: LintNotice; files: string[] }> = [];
  for (const notice of notices) {
    const key = `${notice.kind}\u0000${notice.message}`;
    const fileList = notice.files ?? (notice.file !== undefined ? [notice.file] : []);
    const group = groups.get(key);
    if (group) {
      for (const file of fileList) if (!group.files.includes(file)) group.files.push(file);
      continue;
    }
    const created = { notice, files: [...fileList] };
    groups.set(key, created);
    order.push(created);
  }
  return order.map(({ notice, files }) => {
    const { file: _file, files: _files, ...rest } = notice;
    if (files.length === 0) return rest;
    if (files.length === 1) return { ...rest, file: files[0]! };
    return { ...rest, files };
  });
}

/**
 * The closing line of a run that walked folders: what was found but not linted, by extension
 * and count, grouped by reason (`not linted: 12 .json, 1 .yaml (chatbot scripts only in ...); 3 .lu (no channel reads .lu files)`).
 * Null when every file found was linted.
 */
export function notLintedNotice(groups: readonly NotLintedGroup[]): LintNotice | null {
  if (groups.length === 0) return null;
  const byReason = new Map<string, NotLintedGroup[]>();
  for (const group of groups) byReason.set(group.reason, [...(byReason.get(group.reason) ?? []), group]);
  const total = (list: readonly NotLintedGroup[]): number => list.reduce((sum, group) => sum + group.count, 0);
  const parts = [...byReason]
    .sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([reason, list]) => `${list.map((group) => `${group.count} ${group.extension || '(no extension)'}`).join(', ')} (${reason})`);
  const count = total(groups);
  return { kind: 'not-linted', message: `not linted: ${count} file${count === 1 ? '' : 's'}: ${parts.join('; ')}` };
}

/**
 * One `cannot-apply` notice per rule that is on, has files of its channels in the run, and cannot
 * check anything against the brand (`meta.cannotApply`), in rule id order. Without a brand the
 * `no-brand` notice already says it for every brand rule.
 */
export function cannotApplyNotices(
  rules: Iterable<{ meta: Pick<RuleMeta<unknown>, 'id' | 'channels' | 'cannotApply'> }>,
  brand: BrandModel | null,
  channels: ReadonlySet<Channel>,
): LintNotice[] {
  if (!brand) return [];
  const notices: LintNotice[] = [];
  for (const { meta } of rules) {
    if (!meta.cannotApply) continue;
    if (meta.channels && !meta.channels.some((channel) => channels.has(channel))) continue;
    if (!meta.channels && channels.size === 0) continue;
    const reason = meta.cannotApply(brand);
    if (reason !== null) notices.push({ kind: 'cannot-apply', message: `${meta.id} cannot apply to this run: ${reason}` });
  }
  return notices.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}
