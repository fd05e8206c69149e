// Renders a report document as GitHub-flavoured Markdown, escaping every value so none becomes markup.

import type { Block, Inline, ReportDocument, Text } from './document.js';

/** Backslash-escapes what Markdown (and raw HTML inside it) would read as syntax. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
}

/** A code span whose fence is longer than any run of backticks inside it. */
function codeSpan(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value === '' ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function inline(part: Inline, inTable: boolean): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  if ('strong' in part) return `**${escapeMarkdown(part.strong)}**`;
  // In a table, a pipe ends the cell even inside a code span; GFM unescapes \| there.
  const span = codeSpan(part.code);
  return inTable ? span.replace(/\|/g, '\\|') : span;
}

function text(parts: Text, inTable = false): string {
  return parts.map((p) => inline(p, inTable)).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return text(b.text);
    case 'heading':
      return `### ${escapeMarkdown(b.text)}`;
    case 'list':
      return b.items.map((item) => `- ${text(item)}`).join('\n');
    case 'facts':
      return b.rows
        .map(([name, value]) => `- **${escapeMarkdown(name)}:** ${text(value)}`)
        .join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      const rule = b.head.map((_, i) => (b.numeric[i] ? '---:' : '---'));
      return [
        row(b.head.map(escapeMarkdown)),
        row(rule),
        ...b.rows.map((cells) => row(cells.map((c) => text(c, true)))),
      ].join('\n');
    }
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const parts = [`# ${escapeMarkdown(doc.title)}`, text(doc.intro)];
  for (const section of doc.sections) {
    parts.push(`## ${escapeMarkdown(section.title)}`, ...section.blocks.map(block));
  }
  return `${parts.join('\n\n')}\n`;
}
