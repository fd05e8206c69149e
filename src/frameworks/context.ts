// Context inputs (purpose, EU AI Act answers, ...): reading them by dotted path and checking their values.

import type { ContextInput } from './schema.js';
import type { Problem } from './yaml-document.js';

/** The value at a dotted path such as `eu_ai_act.annex_iii_area`, or undefined when any step is absent. */
export function contextValue(context: Record<string, unknown>, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function contextPresent(context: Record<string, unknown>, path: string): boolean {
  const value = contextValue(context, path);
  return value !== undefined && value !== null;
}

/** Values of declared context inputs that have the wrong type or are not among the allowed values. */
export function contextProblems(
  inputs: ContextInput[],
  context: Record<string, unknown>,
): Problem[] {
  const problems: Problem[] = [];
  for (const input of inputs) {
    const value = contextValue(context, input.path);
    if (value === undefined) continue;
    const path = ['context', ...input.path.split('.')];
    const allowed = input.values ? ` (allowed: ${input.values.join(', ')})` : '';
    if (value === null) {
      if (!input.nullable) problems.push({ path, message: `expected a ${input.type}, not null` });
      continue;
    }
    switch (input.type) {
      case 'string':
        if (typeof value !== 'string') problems.push({ path, message: `expected text${allowed}` });
        else if (input.values && !input.values.includes(value)) {
          problems.push({ path, message: `"${value}" is not an allowed value${allowed}` });
        }
        break;
      case 'list':
        if (!Array.isArray(value)) {
          problems.push({ path, message: `expected a list${allowed}` });
          break;
        }
        value.forEach((item, i) => {
          if (typeof item !== 'string' || (input.values && !input.values.includes(item))) {
            problems.push({
              path: [...path, i],
              message: `"${String(item)}" is not an allowed value${allowed}`,
            });
          }
        });
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push({ path, message: 'expected true or false' });
        break;
      case 'object':
        if (typeof value !== 'object' || Array.isArray(value)) {
          problems.push({ path, message: 'expected a mapping of fields' });
        }
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          problems.push({ path, message: 'expected a number' });
        }
        break;
    }
  }
  return problems;
}
