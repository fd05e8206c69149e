// Engine benchmark: 10,000 evidence files judged under every preset (issue: well under 1 ms each).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { assessFramework } from '../src/frameworks/assess.js';
import { capabilityIds } from '../src/frameworks/capabilities.js';
import type { IsoDate } from '../src/frameworks/dates.js';
import { evidenceSchema, type Evidence } from '../src/frameworks/evidence.js';
import { presets } from '../src/frameworks/files.js';
import { parseSourceDocument } from '../src/frameworks/yaml-document.js';

export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
}

/** A small deterministic generator, so every run judges the same files. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function evidenceFile(i: number, rnd: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const evaluations = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, k) => ({
    date: `2024-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
    effective_compute: Number((1e23 * (1 + rnd() * 99)).toPrecision(3)),
    id: `eval-${i}-${k}`,
    capabilities: Object.fromEntries(
      capabilityIds.map((c) => {
        const pre = Math.floor(rnd() * 5);
        return [c, { pre, post: Math.max(0, pre - Math.floor(rnd() * 2)) }];
      }),
    ),
  }));
  return {
    model: { id: `model-${i}`, effective_compute: Number((1e24 * (1 + rnd() * 9)).toPrecision(3)) },
    as_of: '2025-01-15',
    evaluations,
    safeguards: {
      common: {
        security: Math.floor(rnd() * 6),
        deployment: Math.floor(rnd() * 4),
        implemented: ['weights-security', 'misuse-classifiers', 'safety-case'].filter(
          () => rnd() > 0.5,
        ),
      },
    },
    events:
      rnd() > 0.8
        ? [{ date: '2024-12-20', type: pick(['new-deployment', 'capability-increase']) }]
        : [],
    context: {
      purpose: pick(['general', 'special']),
      safety_need: pick(['low', 'high']),
      eu_ai_act: {
        prohibited_practices: rnd() > 0.95 ? ['social_scoring'] : [],
        annex_iii_area: rnd() > 0.8 ? 'employment' : null,
        transparency: rnd() > 0.5 ? ['chatbot'] : [],
        gpai: true,
        gpai_training_compute: Number((1e24 * (1 + rnd() * 40)).toPrecision(3)),
      },
      kr_ai_basic_act: { high_impact_area: null, generative: true, training_compute: 1e25 },
    },
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function benchEngine(files = 10_000): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'anjeon-bench-'));
  const rnd = random(20250115);
  const paths: string[] = [];
  for (let i = 0; i < files; i++) {
    const path = join(dir, `evidence-${i}.yaml`);
    writeFileSync(path, stringify(evidenceFile(i, rnd)));
    paths.push(path);
  }
  const frameworks = [...presets().values()];
  const asOf = '2025-01-15' as IsoDate;

  // Baseline in the same run: reading and parsing the files, with no judging.
  let t = performance.now();
  const parsed: Evidence[] = paths.map((p) =>
    evidenceSchema.parse(parseSourceDocument(readFileSync(p, 'utf8'), p).value),
  );
  const parseMs = performance.now() - t;

  // The engine alone, each assessment timed.
  const latencies: number[] = [];
  let blocked = 0;
  t = performance.now();
  for (const evidence of parsed) {
    for (const f of frameworks) {
      const start = performance.now();
      const a = assessFramework(f, evidence, asOf, { comparing: true });
      latencies.push(performance.now() - start);
      if (!a.gates.deploy.allowed) blocked++;
    }
  }
  const engineMs = performance.now() - t;
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const assessments = latencies.length;
  return {
    name: 'engine',
    figures: {
      files,
      frameworks: frameworks.length,
      assessments,
      'deploy blocked (share)': Number((blocked / assessments).toFixed(3)),
      'read+parse ms per file (baseline)': Number((parseMs / files).toFixed(4)),
      'engine ms per assessment (mean)': Number((engineMs / assessments).toFixed(4)),
      'engine ms per assessment (p50)': Number(percentile(latencies, 50).toFixed(4)),
      'engine ms per assessment (p99)': Number(percentile(latencies, 99).toFixed(4)),
      'assessments per second': Math.round(assessments / (engineMs / 1000)),
      'end to end ms per file, all presets': Number(((parseMs + engineMs) / files).toFixed(4)),
      'engine time / parse time (ratio)': Number((engineMs / parseMs).toFixed(2)),
    },
  };
}
