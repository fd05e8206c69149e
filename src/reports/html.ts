// Renders a report document as one self-contained, print-friendly HTML page; every string is escaped.

import type { Block, Inline, ReportDocument, Text } from './document.js';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const style = `
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo",
         "Noto Sans KR", "Malgun Gothic", sans-serif; color: #1a1a1a; max-width: 60rem;
         margin: 2rem auto; padding: 0 1.5rem; word-break: keep-all; overflow-wrap: anywhere; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
  table { border-collapse: collapse; margin: .5rem 0 1rem; }
  th, td { border: 1px solid #bbb; padding: .25rem .55rem; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  table.facts th { width: 14rem; }
  code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
         background: #f4f4f4; padding: 0 .2em; border-radius: 3px; }
  ul { padding-left: 1.4rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    h2 { break-after: avoid; }
    table, li { break-inside: avoid; }
    th, code { background: none; }
  }`;

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
  return `<code>${escapeHtml(part.code)}</code>`;
}

const text = (parts: Text) => parts.map(inline).join('');

function table(head: string[], rows: Text[][], numeric: boolean[]): string {
  const cls = (i: number) => (numeric[i] ? ' class="n"' : '');
  const headRow = head.map((h, i) => `<th${cls(i)} scope="col">${escapeHtml(h)}</th>`).join('');
  const bodyRows = rows.map(
    (cells) => `<tr>${cells.map((c, i) => `<td${cls(i)}>${text(c)}</td>`).join('')}</tr>`,
  );
  return `<table>\n<thead><tr>${headRow}</tr></thead>\n<tbody>\n${bodyRows.join('\n')}\n</tbody>\n</table>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${text(b.text)}</p>`;
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'list':
      return `<ul>\n${b.items.map((item) => `<li>${text(item)}</li>`).join('\n')}\n</ul>`;
    case 'facts': {
      const rows = b.rows.map(
        ([name, value]) =>
          `<tr><th scope="row">${escapeHtml(name)}</th><td>${text(value)}</td></tr>`,
      );
      return `<table class="facts">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'table':
      return table(b.head, b.rows, b.numeric);
  }
}

export function renderHtml(doc: ReportDocument): string {
  const body = [`<h1>${escapeHtml(doc.title)}</h1>`, `<p>${text(doc.intro)}</p>`];
  for (const section of doc.sections) {
    body.push(`<section>\n<h2>${escapeHtml(section.title)}</h2>`);
    body.push(...section.blocks.map(block), '</section>');
  }
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${style}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
