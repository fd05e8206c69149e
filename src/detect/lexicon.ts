// Curated cue words, Korean and English, per hazard and attack: features for the classifier, not verdicts.
//
// The words live in lexicon.json (data, one list per line). Terms are matched on normalised text
// (lower case, evasions undone). English terms match at the start of a word ("kill someone"
// matches "killing someone", not "skill"); Korean terms match anywhere, as Korean attaches
// particles and endings to words. A benign phrase that contains a hazard term ("폭탄주", "kill the
// process") vetoes the hazard term where they overlap.

import data from './lexicon.json' with { type: 'json' };
import type { AttackType, HazardCode } from './types.js';

export interface Lexicon {
  ko: readonly string[];
  en: readonly string[];
}

/** Words that point to one hazard category. */
export const hazardLexicon: Record<HazardCode, Lexicon> = data.hazards;
/** Words that point to an injection or jailbreak (A1) or to prompt leaking (A2). */
export const attackLexicon: Record<AttackType, Lexicon> = data.attacks;
/** Cross-category cues: how a harmful request tends to read (concealment, deception, a target, ...). */
export const cueGroups: Record<string, Lexicon> = data.groups;
/** Asking for instructions, material or a way around detection: the difference between a topic and a request. */
export const intentCues: Lexicon = data.intent;
/** Benign phrases that contain a hazard term; a hazard term inside one of them is not counted. */
export const benignPhrases: Lexicon = data.benignPhrases;
/** Context that usually makes a dangerous topic safe to discuss: prevention, reporting, study, fiction. */
export const benignCues: Lexicon = data.benignCues;
