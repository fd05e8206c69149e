// The graders a run uses, put together once: refusal and harm (the guard) always, a judge when one is
// configured, each judge call scheduled on its own lane so it never competes with the target.

import type { Guard } from '../guard/guard.js';
import { gradeAnswer } from './graders/index.js';
import { HarmGrader } from './graders/harm.js';
import { LlmJudge } from './graders/judge.js';
import type { AnswerGrader } from './run.js';
import { Lane, type LaneOptions } from './scheduler.js';
import type { Target } from './types.js';

export interface GraderSetup {
  /** The guard that judges harm in answers (default: the built-in detector). */
  guard?: Guard;
  /** An OpenAI-compatible judge model, budgeted apart from the target. */
  judge?: { target: Target; lane: LaneOptions };
}

export function buildAnswerGrader(setup: GraderSetup): AnswerGrader {
  const harm = new HarmGrader(setup.guard);
  let judge: LlmJudge | undefined;
  if (setup.judge) {
    const { target } = setup.judge;
    const lane = new Lane(setup.judge.lane);
    judge = new LlmJudge(async (messages, signal = new AbortController().signal) => {
      const system = messages.find((m) => m.role === 'system')?.content;
      const prompt = messages
        .filter((m) => m.role !== 'system')
        .map((m) => m.content)
        .join('\n\n');
      const { value } = await lane.run(
        (s) => target.send({ prompt, ...(system ? { system } : {}) }, s),
        signal,
      );
      return value.text;
    });
  }
  const names = ['refusal', 'harm', 'choice', 'canary', ...(judge ? ['judge'] : [])];
  return {
    names,
    grade: (probe, reply, signal) => gradeAnswer(probe, reply, { harm, judge }, signal),
  };
}
