import { Kind, type OperationDefinitionNode } from 'graphql';

/**
 * Root query fields whose answers are a function of the stored results alone (what resultsVersion covers) and the
 * request's arguments: the same for every anonymous client until a result changes. Live state (runStatus,
 * submissions, resultsVersion itself), introspection and mutations are not among them.
 */
export const RESULT_FIELDS: ReadonlySet<string> = new Set([
  'agreement',
  'pairwise',
  'calibration',
  'gatedAgreement',
  'compare',
  'confusion',
  'datasets',
  'dataset',
  'images',
  'humanAgreement',
  'ratingCorrelation',
  'image',
  'leaderboard',
  'models',
  'robustness',
  'slices',
  'snapshots',
  'snapshot',
]);

/** A query whose every root selection is a result field (or __typename): its answer can be cached. */
export function isResultsQuery(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (selection.name.value === '__typename' || RESULT_FIELDS.has(selection.name.value)),
  );
}
