// Prometheus metrics of the guard service: checks, verdicts, categories, backends down, proxy traffic.

import { Counter, Histogram, Registry } from 'prom-client';
import type { GuardResult } from './guard.js';

export class GuardMetrics {
  readonly registry = new Registry();
  readonly checks = new Counter({
    name: 'anjeon_guard_checks_total',
    help: 'Texts checked, by role and verdict',
    labelNames: ['role', 'verdict'] as const,
    registers: [this.registry],
  });
  readonly categories = new Counter({
    name: 'anjeon_guard_categories_total',
    help: 'Hazard categories and attacks found in unsafe texts',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly unavailable = new Counter({
    name: 'anjeon_guard_backend_unavailable_total',
    help: 'Checks in which a backend could not answer',
    labelNames: ['backend'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'anjeon_guard_check_duration_seconds',
    help: 'Time to check one text, all backends included',
    labelNames: ['role'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly proxied = new Counter({
    name: 'anjeon_proxy_requests_total',
    help: 'Chat completions through the proxy, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly upstream = new Histogram({
    name: 'anjeon_proxy_upstream_duration_seconds',
    help: 'Time the upstream model took to answer (to the last byte)',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'anjeon_guard_requests_rejected_total',
    help: 'Requests refused before any check, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  record(role: string, result: GuardResult, seconds: number): void {
    this.checks.inc({ role, verdict: result.verdict });
    this.duration.observe({ role }, seconds);
    for (const c of result.categories) this.categories.inc({ code: c.code });
    if (result.attack.detected && result.attack.type)
      this.categories.inc({ code: result.attack.type });
    for (const b of result.backends ?? [])
      if (b.verdict === 'unavailable') this.unavailable.inc({ backend: b.name });
  }
}
