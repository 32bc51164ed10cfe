import { graphql } from '../gql';

/** Everything the dashboard shows of one agreement statistic: value, SE, bootstrap CI, n, and why any is missing. */
export const EstimateFields = graphql(`
  fragment EstimateFields on Estimate {
    value
    reason
    n
    se
    ciLow
    ciHigh
    ciReason
    ciLevel
    resamples
    seed
  }
`);
