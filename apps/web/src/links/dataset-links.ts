/** URLs of the dataset pages that link to each other, built in one place. */
export function datasetHref(datasetId: string, path = ''): string {
  return `/datasets/${encodeURIComponent(datasetId)}${path}`;
}

export function compareHref(datasetId: string, a: string, b: string): string {
  return `${datasetHref(datasetId, '/compare')}?${new URLSearchParams({ a, b }).toString()}`;
}

export function modelHref(datasetId: string, modelId: string): string {
  return datasetHref(datasetId, `/models/${encodeURIComponent(modelId)}`);
}
