import { graphql } from '../gql';

/** What the dashboard shows of a Cohen κ (two raters): value, SE, CI and n, and why the value is missing. */
export const CohenKappaFields = graphql(`
  fragment CohenKappaFields on CohenKappa {
    value
    reason
    n
    se
    ciLow
    ciHigh
    ciLevel
  }
`);
