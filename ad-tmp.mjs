const { load } = await import('@asciidoctor/core');
const src = '= Title\n:lang: en\n:campaign: spring\n\nA paragraph with `code` and link:http://x[text] here.\n// a comment\nsecond line\n\n== Section\n\n* item one\n* item two\ncontinued\n** nested\n\n|===\n|a |b\n|c |d\n|===\n\n.Block title\n----\ncode\n----\n\nTerm:: definition here\nOther::\n  desc two\n\nNOTE: admonition text\n\nimage::x.png[Alt text]\n';
const doc = await load(src, {sourcemap: true, safe: 'secure'});
function walk(b, d=0){ const ctx=b.getContext(); console.log(' '.repeat(d), ctx, b.getLineNumber?.(), b.getContentModel?.(), JSON.stringify(b.getSourceLines?.())); 
 if (ctx==='table'){ for (const [sec, rows] of b.rows.bySection()) for (const r of rows) for (const c of r) console.log(' cell', sec, c.lineno, JSON.stringify(c.source?.()), c.getStyle?.()); return; }
 if (ctx==='dlist'){ for (const [terms, desc] of b.getItems()) { for (const t of terms) console.log('  term', t.getLineNumber(), JSON.stringify(t.source ?? t.text)); if (desc) { console.log('  desc', desc.getLineNumber(), JSON.stringify(desc.source ?? desc.text)); } } return; }
 if (ctx==='ulist'||ctx==='olist'){ for (const it of b.getItems()) { console.log('  item', it.getLineNumber(), JSON.stringify(it.source ?? it.text), Object.keys(it)); for (const c of it.getBlocks()) walk(c, d+2);} return; }
 for (const c of (b.getBlocks?.() ?? [])) walk(c, d+1); }
walk(doc);
console.log(doc.getAttribute('lang'), doc.getAttribute('campaign'), doc.getSourceLocation?.(), doc.header?.lineno);
