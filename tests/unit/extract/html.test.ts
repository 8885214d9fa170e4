import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src-workers/extract/html';
import { expectExtractError, extract } from './fixtures';

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>The page title, not body text</title>
  <style>p { color: red; } .x::after { content: "styled"; }</style>
  <script>document.write("<p>scripted</p>"); var s = '</div>';</script>
  <link rel="stylesheet" href="x.css">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/about">About</a></nav>
  <h1>Main &amp; only heading</h1>
  <!-- a comment that must not appear -->
  <p>First   paragraph
     spread over <b>several</b> source lines, with a <a href="#x">link</a>.</p>
  <div>A div<br>with a line break</div>
  <ul><li>Item one</li><li>Item <em>two</em></li></ul>
  <blockquote><p>Quoted paragraph.</p></blockquote>
  <table>
    <tr><th>Name</th><th>Value</th></tr>
    <tr><td><p>alpha</p></td><td>1</td></tr>
  </table>
  <pre>  preformatted   text
    keeps its spaces</pre>
  <p hidden>Hidden paragraph.</p>
  <p style="display: none">Invisible paragraph.</p>
  <noscript>Enable JavaScript.</noscript>
  <template><p>Template content.</p></template>
  <svg><text>chart label</text></svg>
  <form><label>Your name</label><select><option>Option text</option></select><textarea>typed</textarea><button>Send</button></form>
  <p>Entities: caf&eacute; &mdash; &lt;tag&gt; &#x1F600; &nbsp;non&nbsp;breaking</p>
  <script type="module">import x from "y";</script>
</body>
</html>`;

describe('HTML (.html, .htm)', () => {
  it('keeps the body text as paragraphs and drops head, scripts, styles, comments and hidden parts', async () => {
    const out = await extract('page.html', PAGE);
    expect(out.format).toBe('html');
    expect(out.text).toBe(
      [
        'Main & only heading',
        'First paragraph spread over several source lines, with a link.',
        'A div\nwith a line break',
        'Item one',
        'Item two',
        'Quoted paragraph.',
        'Name\tValue',
        'alpha\t1',
        '  preformatted   text\n    keeps its spaces',
        'Your name',
        'Entities: café — <tag> 😀 non breaking',
      ].join('\n\n'),
    );
    for (const gone of [
      'title',
      'color',
      'scripted',
      'comment',
      'Hidden',
      'Invisible',
      'JavaScript',
      'Template',
      'chart',
      'Option',
      'typed',
      'Send',
      'Home',
      'import',
    ]) {
      expect(out.text).not.toContain(gone);
    }
  });

  it('reads .htm and .xhtml too, and fragments without html/body', async () => {
    expect((await extract('a.htm', '<p>One</p><p>Two</p>')).text).toBe('One\n\nTwo');
    expect((await extract('a.xhtml', 'Loose text <i>and</i> more')).text).toBe('Loose text and more');
  });

  it('survives malformed markup: unclosed tags, stray closers, an unclosed script', async () => {
    expect((await extract('bad.html', '<div><p>Open <b>bold<p>Next</div></span></i>tail')).text).toBe(
      'Open bold\n\nNext\n\ntail',
    );
    expect(await extract('bad.html', '<p>Before</p><script>never closed <p>inside')).toMatchObject({ text: 'Before' });
  });

  it('decodes the charset the page declares', async () => {
    const bytes = new Uint8Array(
      Buffer.from(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>\x93Caf\xe9\x94</p></body></html>',
        'latin1',
      ),
    );
    expect((await extract('legacy.html', bytes)).text).toBe('“Café”');
  });

  it('refuses a page with no visible text', async () => {
    const err = await expectExtractError(
      extract(
        'empty.html',
        '<html><head><title>Only a title</title><script>x()</script></head><body> <!-- --> </body></html>',
      ),
      'empty_document',
    );
    expect(err.message).toBe('This file is a web page with no text in it.');
  });

  it('nested tables stay inside their cell', () => {
    expect(htmlToText('<table><tr><td>a<table><tr><td>x</td><td>y</td></tr></table></td><td>b</td></tr></table>')).toBe(
      'a x y\tb',
    );
  });

  it('refuses markup nested absurdly deep', async () => {
    const err = await expectExtractError(extract('deep.html', '<div>'.repeat(200_000) + 'text'), 'corrupt_file');
    expect(err.message).toMatch(/nested more than 1,000 levels deep/);
    // Deep but sane nesting is fine.
    expect((await extract('ok.html', '<div>'.repeat(500) + 'inner text' + '</div>'.repeat(500))).text).toBe(
      'inner text',
    );
  });
});
