import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { loadHtmlParser } from '../../src/channels/deps.js';
import { REPO_ROOT } from '../rule-tester.js';

/** Every node's location, in document order (what the HTML adapter reads). */
function locations(node: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (current: { sourceCodeLocation?: unknown; childNodes?: unknown[]; content?: unknown }): void => {
    out.push(current.sourceCodeLocation ?? null);
    for (const child of current.childNodes ?? []) walk(child as typeof current);
    if (current.content) walk(current.content as typeof current);
  };
  walk(node as Parameters<typeof walk>[0]);
  return out;
}

describe('loadHtmlParser', () => {
  // End tags, implied ends (<p>, <li>), text runs joined from several tokens (entities, a
  // character reference, CR LF), a template, void and self-closed elements, attributes.
  const html =
    '<!doctype html><html lang="en"><head><title>Spring &amp; summer</title></head><body>\r\n' +
    '<p class="a" style="color:red">One&nbsp;two &#x41; three<p>Four<ul><li>five<li>six</ul>' +
    '<template><b>x</b></template><br><img src="a.png" alt="A"/><div><span>Item 1 is ready</span></div>\n</body></html>';

  it("gives every node parse5's own location (ends set in place or copied)", async () => {
    const parser = await loadHtmlParser();
    expect(locations(parser.parse(html, { fragment: false }).tree)).toEqual(locations(parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false })));
    const fragment = '<td>a</td><p>b<p>c</p>';
    expect(locations(parser.parse(fragment, { fragment: true }).tree)).toEqual(locations(parseFragment(fragment, { sourceCodeLocationInfo: true, scriptingEnabled: false })));
  });

  const built = path.join(REPO_ROOT, 'dist', 'src', 'channels', 'deps.js');
  it.skipIf(!existsSync(built))('keeps the locations of like elements in one hidden class (V8), not one each', () => {
    // A hidden class per element was 40 MB for a page of 136,000 elements (docs/performance.md).
    const script = `
      const { loadHtmlParser } = await import(${JSON.stringify(new URL(`file://${built}`).href)});
      const parser = await loadHtmlParser();
      const { tree } = parser.parse('<body>' + '<div class="a"><span>Item is ready</span></div>'.repeat(50) + '</body>', { fragment: false });
      const divs = [];
      const walk = (node) => { if (node.tagName === 'div') divs.push(node); for (const child of node.childNodes ?? []) walk(child); };
      walk(tree);
      let shared = 0;
      for (let i = 1; i < divs.length; i++) if (%HaveSameMap(divs[i].sourceCodeLocation, divs[i - 1].sourceCodeLocation)) shared++;
      process.stdout.write(String(shared) + ' of ' + (divs.length - 1));
    `;
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const [shared, of] = run.stdout.split(' of ').map(Number);
    expect(of).toBe(49);
    // The first few may still be migrating to their final class.
    expect(shared).toBeGreaterThan(40);
  });
});
