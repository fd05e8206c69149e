// Compact terminal tables: a rule under the header, none between rows.

import Table from 'cli-table3';

export function compactTable(head: string[]): Table.Table {
  return new Table({
    head,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}
