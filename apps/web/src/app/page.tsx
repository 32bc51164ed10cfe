import { ApiError } from '../components/api-error';
import { DatasetList } from '../components/dataset-list';
import { Notice } from '../components/notice';
import { graphql } from '../gql';
import { runQuery } from '../graphql/client';

export const dynamic = 'force-dynamic';

const DatasetsQuery = graphql(`
  query Datasets {
    datasets {
      id
      name
      format
      imageCount
      splits {
        split
        count
      }
      dataSha256
    }
  }
`);

export default async function DatasetsPage() {
  const result = await runQuery(DatasetsQuery, {});
  return (
    <>
      <h1>Datasets</h1>
      <p className="lede">
        How much do facial emotion recognition models agree? Pick a dataset to see every model&apos;s accuracy and how
        far the models agree with each other on the same faces.
      </p>
      {result.error ? (
        <ApiError error={result.error} what="the datasets" />
      ) : result.data.datasets.length === 0 ? (
        <Notice tone="empty" title="No datasets yet">
          <p>
            Run <code>npm start</code> (it imports the shipped data and models), or import one yourself with{' '}
            <code>ferbench dataset import --format rafdb|imagefolder &lt;folder&gt;</code> and run the models on it with{' '}
            <code>ferbench run --dataset &lt;id&gt;</code>.
          </p>
        </Notice>
      ) : (
        <DatasetList datasets={result.data.datasets} />
      )}
    </>
  );
}
