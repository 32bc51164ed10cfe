// One copy, in the runner, so `ferbench report` and `ferbench agreement --dataset` score exactly as the API does.
export { restrictedLabelSql } from '@ferbench/runner';
