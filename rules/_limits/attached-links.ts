import type { ContentDocument, LinkReference } from '../../src/core/document.js';
import type { MessageText } from '../../src/core/message-text.js';

/**
 * Links a scheduler attaches to a post rather than writing them in its text: a CSV `link`
 * column, or `link:` in a Markdown post's front matter (for the file's first post). They have no
 * text of their own and sit outside the post's runs.
 */
export function attachedLinks(document: ContentDocument, post: MessageText, isFirstPost: boolean): LinkReference[] {
  const message = post.message;
  if (!message) return [];
  const firstStart = Math.min(...document.messages.map((candidate) => candidate.range.start.offset));
  return document.links.filter((link) => {
    if (link.text !== '') return false;
    const start = link.range.start.offset;
    const inRuns = post.runs.some((run) => run.range.start.offset <= start && start < run.range.end.offset);
    if (inRuns) return false;
    const inMessage = start >= message.range.start.offset && start < message.range.end.offset;
    const inFrontMatter = isFirstPost && start < firstStart;
    return inMessage || inFrontMatter;
  });
}
