// Section 4 of the data risk document: what the scan found and nothing removed, stated item by item.

import { hazardLabel, literals, piiLabel, type DataRiskContext } from './data-risk-context.js';
import { literal, type Section, type Text } from './document.js';

export function remainsSection(ctx: DataRiskContext): Section {
  const items = [...piiRemains(ctx), ...hazardRemains(ctx), ...unscannedRemains(ctx)];
  return {
    title: ctx.w.remainsTitle,
    blocks: [
      items.length ? { kind: 'list', items } : { kind: 'paragraph', text: [ctx.w.nothingRemains] },
    ],
  };
}

function piiRemains(ctx: DataRiskContext): Text[] {
  const { report: r, w, lang } = ctx;
  if (!r.detection.pii) return [[w.piiUncheckedRemains]];
  const total = ctx.piiFound.reduce((sum, t) => sum + (r.findings.pii[t] ?? 0), 0);
  if (total === 0) return [];
  const red = r.redaction;
  if (!red) {
    const items: Text[] = [[w.piiAllRemain(ctx.count(total), ctx.count(r.records_with_pii))]];
    if (r.filter) items.push(w.piiInFilteredCopy([literal(r.filter.output)], ctx.count(total)));
    return items;
  }
  const items: Text[] = [];
  for (const t of ctx.piiFound) {
    const found = r.findings.pii[t] ?? 0;
    const left = found - (red.redacted[t] ?? 0);
    if (left <= 0) continue;
    if (red.operators[t] === 'keep') items.push(w.piiKept(piiLabel(t, lang), ctx.count(left)));
    else items.push(w.piiUnredacted(piiLabel(t, lang), ctx.count(left), ctx.count(found)));
  }
  return items;
}

function hazardRemains(ctx: DataRiskContext): Text[] {
  const { report: r, w, lang } = ctx;
  if (!r.detection.hazards) return [[w.hazardsUncheckedRemains]];
  if (r.records_with_hazards === 0) return [];
  const f = r.filter;
  if (!f) return [[w.hazardsAllRemain(ctx.count(r.records_with_hazards))]];
  const items: Text[] = [];
  if (f.codes !== 'all') {
    const filtered = f.codes;
    for (const c of ctx.hazardsFound.filter((code) => !filtered.includes(code))) {
      items.push(w.codeNotFiltered(hazardLabel(c, lang), ctx.count(r.findings.hazards[c] ?? 0)));
    }
  }
  const kept = r.records_with_hazards - f.removed;
  if (kept > 0) {
    items.push([
      w.hazardRecordsKept(ctx.count(kept), ctx.count(r.records_with_hazards), String(f.threshold)),
    ]);
  }
  return items;
}

function unscannedRemains(ctx: DataRiskContext): Text[] {
  const { report: r, w } = ctx;
  const items: Text[] = [];
  if (r.malformed.count > 0) {
    const item: Text = [w.malformedRemain(ctx.count(r.malformed.count))];
    if (r.redaction?.malformed_copied)
      item.push(' ', ...w.malformedCopiedInto([literal(r.redaction.output)]));
    else if (r.redaction) item.push(' ', w.malformedNotCopied);
    items.push(item);
  }
  if (r.missing_field.count > 0) {
    items.push(w.missingRemain(ctx.count(r.missing_field.count), literals(r.input.fields)));
  }
  return items;
}
