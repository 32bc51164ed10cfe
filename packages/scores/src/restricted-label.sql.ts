/**
 * SQL for a prediction's label within a label set: the stored label when the set has it, otherwise the most
 * probable label of the set (ties: the earlier canonical emotion). Probabilities are stored per canonical
 * emotion, so this is exactly what the model would answer if it could only emit the labels of the set (softmax
 * keeps the order of the remaining classes). Scores compared over one label set thus never penalise a model
 * for knowing an extra emotion such as contempt.
 *
 * `prediction` is the alias of a predictions row; `labelSet` a smallint[] parameter of EMOTIONS indices.
 */
export function restrictedLabelSql(prediction: string, labelSet: string): string {
  return `CASE WHEN ${prediction}.label = ANY(${labelSet}) THEN ${prediction}.label
    ELSE (SELECT (c.k - 1)::smallint FROM unnest(${prediction}.probs) WITH ORDINALITY AS c(prob, k)
           WHERE (c.k - 1) = ANY(${labelSet}) AND c.prob IS NOT NULL
           ORDER BY c.prob DESC, c.k LIMIT 1)
  END`;
}
