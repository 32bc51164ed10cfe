// One copy, in shared, so `ferbench report` picks the same label sets as the API.
export { commonEmotions } from '@ferbench/shared';
