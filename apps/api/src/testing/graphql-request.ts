export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs a query to a running API, as the dashboard does. */
export async function graphqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The data of a query that must succeed; its errors, if any, fail the test with their messages. */
export async function graphqlData<T>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const { data, errors } = await graphqlRequest<T>(url, query, variables, headers);
  if (errors !== undefined || data == null) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  return data;
}
