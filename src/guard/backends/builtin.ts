// The built-in backend: the detector in this process, no model server, no network.

import { detect, type ThresholdKey } from '../../detect/detector.js';
import type { BackendVerdict, GuardBackend, GuardInput } from '../backend.js';

export class BuiltinBackend implements GuardBackend {
  readonly name = 'builtin';

  constructor(private readonly thresholds: Partial<Record<ThresholdKey, number>> = {}) {}

  check(input: GuardInput): Promise<BackendVerdict> {
    const d = detect(input.text, { role: input.role, thresholds: this.thresholds });
    return Promise.resolve({
      backend: this.name,
      categories: d.categories,
      attack: d.attack,
      pii: d.pii,
    });
  }
}
