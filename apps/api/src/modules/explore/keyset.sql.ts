export interface KeysetTerm {
  /** A column of the page query, never null (nulls are sorted by a separate IS NULL term). */
  column: string;
  descending: boolean;
  /** The placeholder of the cursor's value for this term, e.g. "$7::float8". */
  value: string;
}

/**
 * "Comes after the cursor" for a multi-column sort: (t1 > v1) OR (t1 = v1 AND t2 > v2) OR …, with < for a
 * descending term. Written out rather than as a row comparison, which cannot mix directions.
 */
export function afterCursorSql(terms: readonly KeysetTerm[]): string {
  const disjuncts = terms.map((term, k) => {
    const equalBefore = terms.slice(0, k).map((t) => `${t.column} = ${t.value}`);
    return [...equalBefore, `${term.column} ${term.descending ? '<' : '>'} ${term.value}`].join(' AND ');
  });
  return disjuncts.map((d) => `(${d})`).join(' OR ');
}
