// One copy, in the runner, so `ferbench agreement --dataset` counts exactly as the API does.
export { MAX_CODED_RATERS, decodeVotes, voteTerms } from '@ferbench/runner';
