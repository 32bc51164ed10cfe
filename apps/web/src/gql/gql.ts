/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      format\n      imageCount\n      dataSha256\n    }\n  }\n": typeof types.DatasetDocument,
    "\n  query Leaderboard($id: ID!) {\n    leaderboard(dataset: $id) {\n      entries {\n        model {\n          id\n          name\n          version\n          sha256\n        }\n        n\n        accuracy\n        accuracyReason\n        macroF1\n        macroF1Reason\n        labelSet\n      }\n    }\n    agreement(dataset: $id) {\n      models {\n        id\n        name\n        version\n        sha256\n      }\n      nFaces\n      nRaters\n      labelSet\n      fleiss {\n        ...EstimateFields\n        interpretation\n        perCategory {\n          label\n          value\n          reason\n        }\n      }\n      krippendorffAlpha {\n        ...EstimateFields\n      }\n      gwetAc1 {\n        ...EstimateFields\n      }\n      percentAgreement {\n        ...EstimateFields\n      }\n    }\n  }\n": typeof types.LeaderboardDocument,
    "\n  query Face($id: ID!) {\n    image(id: $id) {\n      id\n      datasetId\n      key\n      split\n      goldLabel\n      votes\n      majority {\n        label\n        tied\n        tiedLabels\n      }\n      entropyBits\n      pI\n      predictions {\n        model {\n          id\n          name\n          version\n          sha256\n        }\n        label\n        probability\n        probabilities {\n          label\n          probability\n        }\n      }\n    }\n  }\n": typeof types.FaceDocument,
    "\n  query Datasets {\n    datasets {\n      id\n      name\n      format\n      imageCount\n      splits {\n        split\n        count\n      }\n      dataSha256\n    }\n  }\n": typeof types.DatasetsDocument,
    "\n  fragment EstimateFields on Estimate {\n    value\n    reason\n    n\n    se\n    ciLow\n    ciHigh\n    ciReason\n    ciLevel\n    resamples\n    seed\n  }\n": typeof types.EstimateFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      format\n      imageCount\n      dataSha256\n    }\n  }\n": types.DatasetDocument,
    "\n  query Leaderboard($id: ID!) {\n    leaderboard(dataset: $id) {\n      entries {\n        model {\n          id\n          name\n          version\n          sha256\n        }\n        n\n        accuracy\n        accuracyReason\n        macroF1\n        macroF1Reason\n        labelSet\n      }\n    }\n    agreement(dataset: $id) {\n      models {\n        id\n        name\n        version\n        sha256\n      }\n      nFaces\n      nRaters\n      labelSet\n      fleiss {\n        ...EstimateFields\n        interpretation\n        perCategory {\n          label\n          value\n          reason\n        }\n      }\n      krippendorffAlpha {\n        ...EstimateFields\n      }\n      gwetAc1 {\n        ...EstimateFields\n      }\n      percentAgreement {\n        ...EstimateFields\n      }\n    }\n  }\n": types.LeaderboardDocument,
    "\n  query Face($id: ID!) {\n    image(id: $id) {\n      id\n      datasetId\n      key\n      split\n      goldLabel\n      votes\n      majority {\n        label\n        tied\n        tiedLabels\n      }\n      entropyBits\n      pI\n      predictions {\n        model {\n          id\n          name\n          version\n          sha256\n        }\n        label\n        probability\n        probabilities {\n          label\n          probability\n        }\n      }\n    }\n  }\n": types.FaceDocument,
    "\n  query Datasets {\n    datasets {\n      id\n      name\n      format\n      imageCount\n      splits {\n        split\n        count\n      }\n      dataSha256\n    }\n  }\n": types.DatasetsDocument,
    "\n  fragment EstimateFields on Estimate {\n    value\n    reason\n    n\n    se\n    ciLow\n    ciHigh\n    ciReason\n    ciLevel\n    resamples\n    seed\n  }\n": types.EstimateFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      format\n      imageCount\n      dataSha256\n    }\n  }\n"): (typeof documents)["\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      format\n      imageCount\n      dataSha256\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($id: ID!) {\n    leaderboard(dataset: $id) {\n      entries {\n        model {\n          id\n          name\n          version\n          sha256\n        }\n        n\n        accuracy\n        accuracyReason\n        macroF1\n        macroF1Reason\n        labelSet\n      }\n    }\n    agreement(dataset: $id) {\n      models {\n        id\n        name\n        version\n        sha256\n      }\n      nFaces\n      nRaters\n      labelSet\n      fleiss {\n        ...EstimateFields\n        interpretation\n        perCategory {\n          label\n          value\n          reason\n        }\n      }\n      krippendorffAlpha {\n        ...EstimateFields\n      }\n      gwetAc1 {\n        ...EstimateFields\n      }\n      percentAgreement {\n        ...EstimateFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Leaderboard($id: ID!) {\n    leaderboard(dataset: $id) {\n      entries {\n        model {\n          id\n          name\n          version\n          sha256\n        }\n        n\n        accuracy\n        accuracyReason\n        macroF1\n        macroF1Reason\n        labelSet\n      }\n    }\n    agreement(dataset: $id) {\n      models {\n        id\n        name\n        version\n        sha256\n      }\n      nFaces\n      nRaters\n      labelSet\n      fleiss {\n        ...EstimateFields\n        interpretation\n        perCategory {\n          label\n          value\n          reason\n        }\n      }\n      krippendorffAlpha {\n        ...EstimateFields\n      }\n      gwetAc1 {\n        ...EstimateFields\n      }\n      percentAgreement {\n        ...EstimateFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Face($id: ID!) {\n    image(id: $id) {\n      id\n      datasetId\n      key\n      split\n      goldLabel\n      votes\n      majority {\n        label\n        tied\n        tiedLabels\n      }\n      entropyBits\n      pI\n      predictions {\n        model {\n          id\n          name\n          version\n          sha256\n        }\n        label\n        probability\n        probabilities {\n          label\n          probability\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Face($id: ID!) {\n    image(id: $id) {\n      id\n      datasetId\n      key\n      split\n      goldLabel\n      votes\n      majority {\n        label\n        tied\n        tiedLabels\n      }\n      entropyBits\n      pI\n      predictions {\n        model {\n          id\n          name\n          version\n          sha256\n        }\n        label\n        probability\n        probabilities {\n          label\n          probability\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Datasets {\n    datasets {\n      id\n      name\n      format\n      imageCount\n      splits {\n        split\n        count\n      }\n      dataSha256\n    }\n  }\n"): (typeof documents)["\n  query Datasets {\n    datasets {\n      id\n      name\n      format\n      imageCount\n      splits {\n        split\n        count\n      }\n      dataSha256\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EstimateFields on Estimate {\n    value\n    reason\n    n\n    se\n    ciLow\n    ciHigh\n    ciReason\n    ciLevel\n    resamples\n    seed\n  }\n"): (typeof documents)["\n  fragment EstimateFields on Estimate {\n    value\n    reason\n    n\n    se\n    ciLow\n    ciHigh\n    ciReason\n    ciLevel\n    resamples\n    seed\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;