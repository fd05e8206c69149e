// Fills an HTTP target's templates: {{prompt}} and {{system}} in a body structure, ${ENV} in headers.

/** `{{prompt}}` or `{{ system }}`. */
const placeholder = /\{\{\s*(prompt|system)\s*\}\}/g;
const systemOnly = /^\s*\{\{\s*system\s*\}\}\s*$/;
/** `${NAME}`: an environment variable, read when a request is sent. */
const envReference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface Fill {
  prompt: string;
  system?: string;
}

/** Replaces the placeholders in one string; `encode` escapes what is put in (for URLs). */
export function fillText(text: string, fill: Fill, encode: (s: string) => string = (s) => s) {
  return text.replace(placeholder, (_, which: string) =>
    encode(which === 'prompt' ? fill.prompt : (fill.system ?? '')),
  );
}

/**
 * Fills every string of the body. The template is a structure, never text pasted together, so a
 * prompt full of quotes and newlines stays one JSON string. With no system message, a list item
 * that exists only to carry it (`{role: system, content: "{{system}}"}`) is left out.
 */
export function fillBody(template: unknown, fill: Fill): unknown {
  if (typeof template === 'string') return fillText(template, fill);
  if (Array.isArray(template)) {
    const items = fill.system === undefined ? template.filter((t) => !carriesSystem(t)) : template;
    return items.map((item) => fillBody(item, fill));
  }
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, fillBody(value, fill)]),
    );
  }
  return template;
}

function carriesSystem(item: unknown): boolean {
  if (typeof item === 'string') return systemOnly.test(item);
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  return Object.values(item).some((v) => typeof v === 'string' && systemOnly.test(v));
}

/** True when {{prompt}} appears in some string of the value. */
export function mentionsPrompt(value: unknown): boolean {
  if (typeof value === 'string')
    return [...value.matchAll(placeholder)].some((m) => m[1] === 'prompt');
  if (Array.isArray(value)) return value.some(mentionsPrompt);
  if (value !== null && typeof value === 'object') return Object.values(value).some(mentionsPrompt);
  return false;
}

/** The environment variables a string names. */
export function envNames(text: string): string[] {
  return [...text.matchAll(envReference)].map((m) => m[1]!);
}

/** Substitutes ${NAME}; returns the text and the values put in (they are secrets), or the missing names. */
export function fillEnv(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): { text: string; secrets: string[]; missing: string[] } {
  const secrets: string[] = [];
  const missing: string[] = [];
  const filled = text.replace(envReference, (_, name: string) => {
    const value = env[name];
    if (value === undefined) {
      missing.push(name);
      return '';
    }
    if (value !== '') secrets.push(value);
    return value;
  });
  return { text: filled, secrets, missing };
}
