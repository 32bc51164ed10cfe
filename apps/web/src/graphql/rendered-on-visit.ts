/**
 * For results pages (ISR): `export const generateStaticParams = renderedOnFirstVisit` with `export const
 * revalidate = 2` (a literal, as Next requires) builds no page ahead (the API is not up during `next build`), renders
 * each on its first visit and keeps it; a visit more than 2 s after the last render re-renders it in the background,
 * from answers cached on the API's resultsVersion, while the kept page is served. A crowd on a page costs what a
 * static page costs, and what it shows is at most one render (2 s) behind the results.
 */
export function renderedOnFirstVisit(): never[] {
  return [];
}
