/** LF, CRLF or a lone CR: the same document gets the same changes, and its line ends are kept. */
import { describe, expect, it } from 'vitest';
import { AI_ARTICLE, opts, revise } from './helpers';

const DOC = `# Moreover, a crucial heading

| Name | Value |
|---|---|
| Moreover it is important to note that we leverage | 42 |

${AI_ARTICLE}`;

describe('line endings', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])(
    'a %s document is revised like its LF version: headings and table rows left, line ends kept',
    async (_name, eol) => {
      const lf = await revise(DOC, opts('standard', 3));
      const text = DOC.replace(/\n/g, eol);
      const out = await revise(text, opts('standard', 3));
      expect(out.hunks.length).toBeGreaterThan(10);
      expect(out.hunks.map((h) => [h.before, h.after])).toEqual(lf.hunks.map((h) => [h.before, h.after]));
      expect(out.text.match(/\r\n?|\n/g)).toEqual(text.match(/\r\n?|\n/g));
      const head = text.slice(0, text.indexOf('In today'));
      expect(out.text.startsWith(head)).toBe(true);
    },
  );
});
