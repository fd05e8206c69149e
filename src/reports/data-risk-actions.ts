// Section 3 of the data risk document: what was removed or redacted, by which rule, into which file.

import { hazardCodes, hazardNames, piiNames, piiTypes, type PiiType } from '../detect/types.js';
import type { ScanReport } from '../scan/report-types.js';
import { countTable, hazardLabel, literals, type DataRiskContext } from './data-risk-context.js';
import { joinText, literal, type Block, type Section, type Text } from './document.js';

export function actionsSection(ctx: DataRiskContext): Section {
  const { w } = ctx;
  return {
    title: w.actionsTitle,
    blocks: [
      { kind: 'heading', text: w.redaction },
      ...redactionBlocks(ctx),
      { kind: 'heading', text: w.filtering },
      ...filterBlocks(ctx),
      { kind: 'heading', text: w.outputs },
      outputsBlock(ctx),
    ],
  };
}

/** Types found or given a rule, so a rule set for a type that did not occur is shown too. */
function redactionTypes(ctx: DataRiskContext, redaction: NonNullable<ScanReport['redaction']>) {
  return piiTypes.filter((t) => ctx.piiFound.includes(t) || redaction.operators[t] !== undefined);
}

function redactionBlocks(ctx: DataRiskContext): Block[] {
  const { report: r, w, lang } = ctx;
  const red = r.redaction;
  if (!red) return [{ kind: 'paragraph', text: [w.noRedaction] }];
  const rule = (t: PiiType): Text => {
    const op = red.operators[t];
    return op ? [{ code: op }, ` ${w.operators[op]}`] : [w.noRule];
  };
  const rows = redactionTypes(ctx, red).map((t) => [
    [{ code: t }],
    [piiNames[t][lang]],
    rule(t),
    [ctx.count(r.findings.pii[t] ?? 0)],
    [ctx.count(red.redacted[t] ?? 0)],
  ]);
  const facts: [string, Text][] = [
    [w.recordsChanged, [ctx.count(red.records_changed)]],
    [w.fieldsDropped, [ctx.count(red.fields_dropped)]],
    [w.recordsDropped, [ctx.count(red.records_dropped)]],
  ];
  if (r.malformed.count > 0) {
    const fate = red.malformed_copied ? w.malformedCopied : w.malformedLeftOut;
    facts.push([w.malformedRecords, [`${ctx.count(r.malformed.count)}, ${fate}`]]);
  }
  const blocks: Block[] = [{ kind: 'paragraph', text: w.redactedCopy([literal(red.output)]) }];
  if (rows.length) {
    blocks.push({
      kind: 'table',
      head: [w.type, w.name, w.rule, w.found, w.redacted],
      rows,
      numeric: [false, false, false, true, true],
    });
  }
  blocks.push({ kind: 'facts', rows: facts });
  return blocks;
}

function filterBlocks(ctx: DataRiskContext): Block[] {
  const { report: r, w, lang } = ctx;
  const f = r.filter;
  if (!f) return [{ kind: 'paragraph', text: [w.noFilter] }];
  const codes: Text =
    f.codes === 'all'
      ? [w.allCodes]
      : joinText(
          f.codes.map((c) => hazardLabel(c, lang)),
          ', ',
        );
  const blocks: Block[] = [
    { kind: 'paragraph', text: w.filterRule(String(f.threshold), codes) },
    {
      kind: 'facts',
      rows: [
        [w.filteredCopy, [literal(f.output)]],
        [w.rejects, [literal(f.rejects)]],
        [w.threshold, [String(f.threshold)]],
        [w.codes, f.codes === 'all' ? [w.allCodes] : literals(f.codes)],
        [w.removed, [ctx.count(f.removed)]],
        [w.kept, [ctx.count(f.kept)]],
      ],
    },
  ];
  const removedCodes = hazardCodes.filter((c) => (f.removed_by_code[c] ?? 0) > 0);
  if (removedCodes.length) {
    blocks.push({ kind: 'heading', text: w.removedByCode });
    blocks.push(
      countTable([w.code, w.category, w.removed], removedCodes, f.removed_by_code, ctx, (c) => [
        [{ code: c }],
        [hazardNames[c][lang]],
      ]),
    );
  }
  return blocks;
}

function outputsBlock(ctx: DataRiskContext): Block {
  const { outputs } = ctx.report;
  const names = ctx.w.outputNames;
  const rows: [string, Text][] = [];
  for (const key of ['findings', 'redact', 'filter', 'report'] as const) {
    const file = outputs[key];
    if (file !== null) rows.push([names[key], [literal(file)]]);
  }
  return rows.length ? { kind: 'facts', rows } : { kind: 'paragraph', text: [ctx.w.noOutputs] };
}
