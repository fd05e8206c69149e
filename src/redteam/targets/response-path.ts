// Paths into a JSON answer such as `choices[0].message.content`, `output.text` or `data["reply-text"]`.

export type PathStep = string | number;

/** Parses a path; returns the steps, or a sentence saying what is wrong. */
export function parseResponsePath(path: string): PathStep[] | string {
  const steps: PathStep[] = [];
  let rest = path.trim().replace(/^\$\.?/, '');
  let first = true;
  while (rest !== '') {
    const step = nextStep(rest, first);
    if (!step)
      return `cannot read "${rest}" in the path "${path}"; write it like choices[0].message.content`;
    steps.push(step.value);
    rest = step.rest;
    first = false;
  }
  return steps;
}

const name = /^[^.[\]\s"']+/;

function nextStep(rest: string, first: boolean): { value: PathStep; rest: string } | undefined {
  const dotted = first ? rest : rest.startsWith('.') ? rest.slice(1) : undefined;
  if (dotted !== undefined) {
    const m = name.exec(dotted);
    if (m) return { value: m[0], rest: dotted.slice(m[0].length) };
    if (!first) return undefined;
  }
  const index = /^\[(\d+)\]/.exec(rest);
  if (index) return { value: Number(index[1]), rest: rest.slice(index[0].length) };
  const quoted = /^\[(["'])(.*?)\1\]/.exec(rest);
  if (quoted) return { value: quoted[2]!, rest: rest.slice(quoted[0].length) };
  return undefined;
}

/** The value at `steps`, or undefined where the answer has no such place. */
export function valueAt(value: unknown, steps: readonly PathStep[]): unknown {
  let here = value;
  for (const step of steps) {
    if (here === null || typeof here !== 'object') return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(here)) return undefined;
      here = here[step] as unknown;
    } else {
      if (Array.isArray(here) || !Object.hasOwn(here, step)) return undefined;
      here = (here as Record<string, unknown>)[step];
    }
  }
  return here;
}
