import { EMOTIONS } from './emotions.js';

/**
 * What a crowd annotator can answer (FER+'s vote columns): the canonical emotions, then "unknown" and "not a face".
 * human_votes stores a vote as its index in this list, so the canonical emotions keep their own indices (0–7)
 * and the two extra answers are 8 and 9.
 */
export const HUMAN_VOTE_CATEGORIES = [...EMOTIONS, 'unknown', 'not-a-face'] as const;

export type HumanVoteCategory = (typeof HUMAN_VOTE_CATEGORIES)[number];

export const HUMAN_VOTE_UNKNOWN = HUMAN_VOTE_CATEGORIES.indexOf('unknown');
export const HUMAN_VOTE_NOT_A_FACE = HUMAN_VOTE_CATEGORIES.indexOf('not-a-face');
