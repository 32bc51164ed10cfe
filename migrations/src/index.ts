import { Initial1764300000000 } from './1764300000000-initial.js';
import { Submissions1764400000000 } from './1764400000000-submissions.js';

/** Every migration, oldest first. A committed migration is never edited: add a new one. */
export const migrations = [Initial1764300000000, Submissions1764400000000];
