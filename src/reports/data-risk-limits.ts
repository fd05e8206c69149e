// Section 5 of the data risk document: the detector's measured quality and what it cannot see.

import { piiTypes } from '../detect/types.js';
import { literals, type DataRiskContext } from './data-risk-context.js';
import type { Block, Section, Text } from './document.js';
import type { DetectionQuality, QualityRow } from './quality.js';

/** The threshold every head was trained to (a calibrated score of 0.5), at which figures are measured. */
const trainedThreshold = 0.5;

export function limitsSection(ctx: DataRiskContext, quality: DetectionQuality | null): Section {
  const { w } = ctx;
  return {
    title: w.limitsTitle,
    blocks: [
      { kind: 'heading', text: w.quality },
      ...qualityBlocks(ctx, quality),
      { kind: 'heading', text: w.cannotSee },
      { kind: 'list', items: cannotSee(ctx) },
    ],
  };
}

function qualityBlocks(ctx: DataRiskContext, quality: DetectionQuality | null): Block[] {
  const { w, lang, report: r } = ctx;
  if (!quality) return [{ kind: 'paragraph', text: [w.noQuality] }];
  const blocks: Block[] = [
    { kind: 'paragraph', text: [w.measured(quality.generated_at, quality.split[lang])] },
  ];
  if (r.detection.hazards && r.detection.hazard_threshold !== trainedThreshold) {
    blocks.push({
      kind: 'paragraph',
      text: [w.thresholdDiffers(String(r.detection.hazard_threshold))],
    });
  }
  // The scan flags hazards, not prompt attacks: the attack heads' figures do not describe it.
  const rows = quality.rows.filter((row) => row.detects === 'hazards');
  blocks.push({
    kind: 'table',
    head: [w.task, w.dataset, w.language, w.texts, w.precision, w.recall, 'F1', w.fpr, w.threshold],
    rows: rows.map((row) => qualityCells(row, ctx)),
    numeric: [false, false, false, true, true, true, true, true, false],
  });
  const p = quality.pii;
  const figure = (x: number) => x.toFixed(3);
  const pii = w.piiQuality(
    p.dataset[lang],
    ctx.count(p.records),
    figure(p.precision),
    figure(p.recall),
    ctx.count(p.decoys_reported),
  );
  blocks.push({ kind: 'paragraph', text: [pii] });
  return blocks;
}

function qualityCells(row: QualityRow, ctx: DataRiskContext): Text[] {
  const named = (s: string) => ctx.w.evaluation[s] ?? s;
  const figure = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  return [
    [named(row.task)],
    [named(row.dataset)],
    [row.lang],
    [`${ctx.count(row.positives)} / ${ctx.count(row.negatives)}`],
    [figure(row.precision)],
    [figure(row.recall)],
    [figure(row.f1)],
    [figure(row.fpr)],
    [named(row.threshold)],
  ];
}

function cannotSee(ctx: DataRiskContext): Text[] {
  const { w, report: r } = ctx;
  const items: Text[] = [[w.noRecogniser]];
  if (r.detection.pii) {
    const unchecked = piiTypes.filter((t) => !r.detection.pii_types.includes(t));
    if (unchecked.length) items.push(w.typesNotChecked(literals(unchecked)));
    items.push([w.minConfidence(String(r.detection.pii_min_confidence))]);
  }
  items.push(
    [w.otherLanguages],
    [w.onlyText],
    [w.ownContext],
    [w.otherData],
    [w.findingsNotPeople],
  );
  return items;
}
