// The run directory's append-only attempt log: what each probe was answered and how it was graded,
// so a run can be resumed after a kill, its errors re-sent, or re-graded without re-sending.

import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { GraderVerdict, Outcome, TargetErrorKind } from './types.js';

export type LogEntry =
  | {
      type: 'answer';
      probe: string;
      response: string;
      blocked: boolean;
      tries: number;
      cached: boolean;
      latency_ms: number;
      at: string;
    }
  | {
      type: 'error';
      probe: string;
      kind: TargetErrorKind | 'grader';
      error: string;
      tries: number;
      at: string;
    }
  | {
      type: 'grade';
      probe: string;
      outcome: Exclude<Outcome, 'error'>;
      harmful: boolean;
      verdicts: GraderVerdict[];
      graders: string[];
      at: string;
    };

export type AnswerEntry = Extract<LogEntry, { type: 'answer' }>;
export type ErrorEntry = Extract<LogEntry, { type: 'error' }>;
export type GradeEntry = Extract<LogEntry, { type: 'grade' }>;

/** The latest of each kind of entry for one probe; a later answer supersedes an earlier error. */
export interface ProbeState {
  answer?: AnswerEntry;
  error?: ErrorEntry;
  grade?: GradeEntry;
}

export const attemptLogName = 'attempts.jsonl';

export class RunLog {
  private fd: number;
  readonly states = new Map<string, ProbeState>();
  /** Lines that could not be read (a write torn by a kill); they were cut off the end. */
  readonly dropped: number;

  constructor(dir: string) {
    const file = join(dir, attemptLogName);
    this.dropped = existsSync(file) ? this.load(file) : 0;
    this.fd = openSync(file, 'a');
  }

  private load(file: string): number {
    const text = readFileSync(file, 'utf8');
    // A kill can leave a half-written last line; cut it so the next append starts a fresh line.
    const end = text.lastIndexOf('\n') + 1;
    let dropped = 0;
    if (end < text.length) {
      truncateSync(file, Buffer.byteLength(text.slice(0, end)));
      dropped++;
    }
    for (const line of text.slice(0, end).split('\n')) {
      if (!line) continue;
      try {
        this.apply(JSON.parse(line) as LogEntry);
      } catch {
        dropped++;
      }
    }
    return dropped;
  }

  private apply(entry: LogEntry): void {
    const state = this.states.get(entry.probe) ?? {};
    if (entry.type === 'answer') {
      state.answer = entry;
      delete state.error;
      delete state.grade;
    } else if (entry.type === 'error') {
      if (entry.kind === 'grader') delete state.grade;
      else delete state.answer;
      state.error = entry;
    } else {
      state.grade = entry;
      delete state.error;
    }
    this.states.set(entry.probe, state);
  }

  append(entry: LogEntry): void {
    // One write per line: a kill tears at most the line being written, which load() cuts off.
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    this.apply(entry);
  }

  close(): void {
    closeSync(this.fd);
  }
}
