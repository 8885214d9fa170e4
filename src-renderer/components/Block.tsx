/**
 * One paragraph of a document as what it was written as — a heading, a list item, a quotation, a
 * code block or a plain paragraph — for every view that shows a text (reading, review, revision).
 * Headings of the document sit below the view's own h1/h2 in the outline, so a level-1 heading
 * becomes an h3.
 */
import type { ReactNode } from 'react';
import type { Paragraph } from '../review/layout';

export function Block({
  p,
  children,
  ...rest
}: {
  p: Pick<Paragraph, 'kind' | 'level' | 'number' | 'start'>;
  children: ReactNode;
} & Record<`data-${string}`, string | number | undefined>) {
  const props = { className: `para kind-${p.kind}`, 'data-para-start': p.start, ...rest };
  switch (p.kind) {
    case 'heading': {
      const H = `h${Math.min(6, Math.max(3, (p.level ?? 1) + 2))}` as 'h3';
      return <H {...props}>{children}</H>;
    }
    case 'list_item':
      return (
        <div {...props} data-level={p.level ?? 1}>
          <span className="bullet" aria-hidden="true">
            {p.number !== undefined ? `${p.number}.` : '•'}
          </span>
          <span>{children}</span>
        </div>
      );
    case 'quote':
      return <blockquote {...props}>{children}</blockquote>;
    case 'code':
      return (
        <pre {...props}>
          <code>{children}</code>
        </pre>
      );
    default:
      return <p {...props}>{children}</p>;
  }
}
