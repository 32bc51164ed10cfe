import { graphql } from '../gql';

/** What a face card in a grid shows: the face, its gold label and how the models voted on it. */
export const FaceCardFields = graphql(`
  fragment FaceCardFields on ImageEdge {
    node {
      id
      key
      goldLabel
      imagePrivate
    }
    agreement {
      votes
      voteCounts
      majority {
        label
        tied
      }
      entropyBits
      humanVotes
    }
  }
`);
