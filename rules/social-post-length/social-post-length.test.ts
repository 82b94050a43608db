import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

/** A Markdown post for `platform`; its body starts on line 4. */
const post = (platform: string, body: string) => `---\nplatform: ${platform}\n---\n${body}\n`;
const a = (count: number) => 'a'.repeat(count);
const LONG_URL = `https://www.northwind.example/spring/${'boots-'.repeat(20)}`;

testRule(rule, {
  channel: 'social',
  file: 'social/spring.md',
  valid: [
    { name: 'X: exactly 280', code: post('x', a(280)) },
    { name: 'X: a long link counts 23', code: post('x', `${a(256)} ${LONG_URL}`) },
    { name: 'X: a link in parentheses keeps the ")" out', code: post('x', `${a(254)} (${LONG_URL})`) },
    { name: 'X: a domain that is no link counts as written', code: post('x', `${a(262)} northwind.example`) },
    { name: 'X: a name ending in a dot and two letters that are no country code (Node.js) is no link', code: post('x', `${a(261)} Node.js and Vue.js`) },
    { name: 'X: accents count 1 however they are encoded', code: post('x', 'e\u0301'.repeat(280)) },
    { name: 'X: template tags count 0 by default', code: post('x', `${a(279)} {{ first_name }}`) },
    { name: 'X: twitter alias', code: post('Twitter', a(280)) },
    { name: 'LinkedIn: 3000', code: post('linkedin', a(3000)) },
    { name: 'LinkedIn: links count as written', code: post('linkedin', `${a(2842)} ${LONG_URL}`) },
    { name: 'Instagram: an emoji is one character', code: post('instagram', '🌲'.repeat(2200)) },
    { name: 'Mastodon: links count 23', code: post('mastodon', `${a(476)} ${LONG_URL}`) },
    { name: 'Mastodon: a remote mention counts as @user', code: post('mastodon', `${a(495)} @ana@mastodon.social`) },
    { name: 'Mastodon: a local mention counts as written', code: post('mastodon', `${a(495)} @ana`) },
    { name: 'no platform: not checked', code: `${a(400)}\n` },
    { name: 'SMS is checked by sms-length', code: post('sms', a(400)) },
    { name: 'defaultPlatform', code: `${a(2000)}\n`, options: { defaultPlatform: 'linkedin' } },
    {
      name: 'CSV: an attached link counts a space and 23 on X',
      file: 'social/posts.csv',
      code: `message,platform,link\n${a(256)},X,${LONG_URL}\n`,
    },
    { name: 'no brand: platform defaults', code: post('x', a(280)), noBrand: true },
    { name: 'X: a Markdown link counts its text, a space and 23', code: post('x', `${a(250)} [guide](${LONG_URL})`) },
    { name: 'an image is media, not text', code: post('x', `${a(280)}\n\n![A pine forest](${LONG_URL})`) },
    { name: 'cross-posted: fits the strictest (Bluesky 300)', code: `---\nmedia: [bluesky, mastodon, linkedin]\n---\n${a(300)}\n` },
    { name: 'cross-posted accounts named after their platform', code: `---\nmedia:\n - mastodon-northwind\n - bluesky-northwind\n---\n${a(300)}\n` },
    { name: 'platforms: one name as a string', code: `---\nplatforms: bluesky\n---\n${a(300)}\n` },
    { name: 'a .tweet file is an X post (plain text)', file: 'social/launch.tweet', code: `${a(280)}\n` },
    { name: 'a .txt post in a mastodon folder', file: 'social/mastodon/launch.txt', code: `${a(500)}\n` },
    { name: 'a .txt post: its front matter names the platform', file: 'social/launch.txt', code: `---\nnetwork: linkedin\n---\n${a(2000)}\n` },
    { name: 'trap: an account merely containing a platform name is no platform', code: `---\nchannels: [newsletter-x]\n---\n${a(400)}\n` },
  ],
  invalid: [
    {
      name: 'cross-posted: over Bluesky only',
      code: `---\nmedia: [bluesky, mastodon, linkedin]\n---\n${a(301)}\n`,
      errors: [{ line: 4, column: 301, endLine: 4, endColumn: 302, message: 'Bluesky post is 301 characters; the limit is 300' }],
    },
    {
      name: 'cross-posted: the strictest limit is reported, naming the others exceeded',
      code: `---\nmedia:\n - mastodon-northwind\n - bluesky-northwind\n - linkedin-northwind\n---\n${a(501)}\n`,
      errors: [{ line: 7, column: 301, message: "Bluesky post is 501 characters; the limit is 300 (also over Mastodon's 500)" }],
    },
    {
      name: 'platforms list in a plain-text post',
      file: 'social/launch.txt',
      code: `---\nplatforms:\n  - x\n  - threads\n---\n${a(281)}\n`,
      errors: [{ line: 6, column: 281, message: /^X post is 281 characters as X counts them/ }],
    },
    {
      name: 'a .tweet file is an X post',
      file: 'tweets/launch.tweet',
      code: `${a(281)}\n`,
      errors: [{ line: 1, column: 281, endLine: 1, endColumn: 282, message: /^X post is 281 characters/ }],
    },
    {
      name: 'a .txt post in a bluesky folder',
      file: 'social/bluesky/2025/launch.txt',
      code: `${a(301)}\n`,
      errors: [{ line: 1, column: 301, message: 'Bluesky post is 301 characters; the limit is 300' }],
    },
    {
      name: 'trap: `media:` listing attached images is no platform list; the .tweet file is an X post',
      file: 'tweets/hello.tweet',
      code: `---\nmedia:\n  - file: forest.png\n    alt: A pine forest\n---\n${a(281)}\n`,
      errors: [{ line: 6, column: 281, message: /^X post is 281 characters/ }],
    },
    {
      name: 'a Markdown link on a platform without a fixed link length: no "every link counts as" note',
      code: `---\nplatform: bluesky\n---\n${a(300)} [guide](https://n.example)\n`,
      errors: [{ line: 4, column: 301, message: 'Bluesky post is 324 characters; the limit is 300' }],
    },
    {
      name: 'X: 281 characters, the overflow is the range',
      code: post('x', a(281)),
      errors: [{ line: 4, column: 281, endLine: 4, endColumn: 282, message: 'X post is 281 characters as X counts them (links 23, emoji and CJK 2); the limit is 280' }],
    },
    {
      name: 'X: emoji count 2',
      code: post('x', `${a(279)}👍`),
      errors: [{ line: 4, column: 280, endLine: 4, endColumn: 282, message: /^X post is 281 characters/ }],
    },
    {
      name: 'X: CJK characters count 2',
      code: post('x', '漢'.repeat(141)),
      errors: [{ line: 4, column: 141, endLine: 4, endColumn: 142, message: /^X post is 282 characters/ }],
    },
    {
      name: 'X: a bare domain is a link',
      code: post('x', `${a(258)} northwind.com`),
      errors: [{ line: 4, column: 260, endLine: 4, endColumn: 273, message: /^X post is 282 characters/ }],
    },
    {
      name: 'X: Node.js counts as written, so the post is over by its own length',
      code: post('x', `${a(273)} Node.js`),
      errors: [{ line: 4, column: 281, endLine: 4, endColumn: 282, message: /^X post is 281 characters/ }],
    },
    {
      name: 'X (trap): a domain with a country code (.js is none, .jp is one) is a link',
      code: post('x', `${a(257)} nodejs.jp`),
      errors: [{ line: 4, column: 259, endLine: 4, endColumn: 268, message: /^X post is 281 characters/ }],
    },
    {
      name: 'X: paragraphs are joined by their line breaks',
      code: post('x', `${a(140)}\n\n${'b'.repeat(140)}`),
      errors: [{ line: 6, column: 139, endLine: 6, endColumn: 141, message: /^X post is 282 characters/ }],
    },
    {
      name: 'X: templateTagLength',
      code: post('x', `{{ first_name }} ${a(270)}`),
      options: { templateTagLength: 10 },
      errors: [{ line: 4, column: 17 + 1 + 269, message: /^X post is 281 characters/ }],
    },
    {
      name: 'CSV: each row is a post; the attached link pushes it over',
      file: 'social/posts.csv',
      code: `message,platform,link\nShort,linkedin,\n${a(260)},X,${LONG_URL}\n`,
      errors: [{ line: 3, column: 257, endLine: 3, endColumn: 261, message: /^X post is 284 characters/ }],
    },
    {
      name: 'X: the URL of a Markdown link pushes the post over, after the link',
      code: post('x', `${a(252)} [guide](${LONG_URL}) now`),
      errors: [{ line: 4, column: 420, endLine: 4, endColumn: 424, message: /^X post is 286 characters/ }],
    },
    {
      name: 'LinkedIn: 3001',
      code: post('linkedin', a(3001)),
      errors: [{ line: 4, column: 3001, endLine: 4, endColumn: 3002, message: 'LinkedIn post is 3001 characters; the limit is 3000' }],
    },
    {
      name: 'LinkedIn: a link counts as written',
      code: post('linkedin', `${a(2843)} ${LONG_URL}`),
      errors: [{ line: 4, column: 2845 + 156, endLine: 4, endColumn: 2845 + 157, message: 'LinkedIn post is 3001 characters; the limit is 3000' }],
    },
    {
      name: 'Instagram: 2201',
      code: post('instagram', a(2201)),
      errors: [{ line: 4, column: 2201, message: 'Instagram post is 2201 characters; the limit is 2200' }],
    },
    {
      name: 'Mastodon: the link counted 23 is named',
      code: post('mastodon', `${a(478)} ${LONG_URL}`),
      errors: [{ line: 4, column: 480, message: 'Mastodon post is 502 characters (every link counts as 23); the limit is 500' }],
    },
    {
      name: 'Mastodon: a link without http(s):// counts as written',
      code: post('mastodon', `${a(480)} northwind.com/spring-boots`),
      errors: [{ line: 4, column: 501, message: 'Mastodon post is 507 characters; the limit is 500' }],
    },
    {
      name: 'Mastodon: an email address is no mention (trap)',
      code: post('mastodon', `${a(485)} ana@mastodon.social`),
      errors: [{ line: 4, column: 501, message: 'Mastodon post is 505 characters; the limit is 500' }],
    },
    {
      name: 'X: a remote mention counts as written (only Mastodon drops the server)',
      code: post('x', `${a(265)} @ana@mastodon.social`),
      errors: [{ line: 4, column: 281, message: 'X post is 286 characters as X counts them (links 23, emoji and CJK 2); the limit is 280' }],
    },
    {
      name: 'a thread: each post has its own limit',
      code: post('x', `${a(10)}\n\n---\n\n${a(281)}`),
      errors: [{ line: 8, column: 281, message: /^X post is 281 characters/ }],
    },
  ],
});

describe('social-post-length: rules that did not apply', () => {
  it('says when a post names no platform', async () => {
    const result = await lintText({ text: 'Hello\n', file: 'social/a.md', channel: 'social', rules: [rule as never] });
    expect(result.notApplied).toEqual([
      'social-post-length: a post names no platform (front matter `platform:`, a platform column or a folder named after the platform), so its length was not checked',
    ]);
  });

  it('suggests the platform a misspelt one is close to', async () => {
    const lint = (platform: string) => lintText({ text: post(platform, 'Hello'), file: 'social/a.md', channel: 'social', rules: [rule as never] });
    expect((await lint('linkdin')).notApplied).toEqual([
      'social-post-length: no length limit is known for linkdin posts (did you mean "linkedin"?); set channels.social.platforms.linkdin.maxLength',
    ]);
    expect((await lint('twiter')).notApplied).toEqual([
      'social-post-length: no length limit is known for twiter posts (did you mean "twitter"?); set channels.social.platforms.twiter.maxLength',
    ]);
    expect((await lint('pinterest')).notApplied).toEqual([
      'social-post-length: no length limit is known for pinterest posts; set channels.social.platforms.pinterest.maxLength',
    ]);
  });
});
