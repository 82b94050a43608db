import { globMatcher } from './channels.js';
import { toPosix, type ResolvedConfig } from './config.js';

/** The campaign `campaigns.assign` gives a file (first id in the configuration's order). */
export function campaignResolver(config: Pick<ResolvedConfig, 'campaigns'>): (absolutePath: string) => string | undefined {
  const matchers = Object.entries(config.campaigns.assign).map(([id, globs]) => ({ id, matches: globMatcher(globs) }));
  if (matchers.length === 0) return () => undefined;
  return (absolutePath) => matchers.find(({ matches }) => matches(toPosix(absolutePath)))?.id;
}
