import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError } from '../../../components/api-error';
import { FaceImage } from '../../../components/face-image';
import { EmotionLegend } from '../../../components/emotion-legend';
import { HumanVoteTable } from '../../../components/human-vote-table';
import { Notice } from '../../../components/notice';
import { PerturbationVotes } from '../../../components/perturbation-votes';
import { ProbabilityBars } from '../../../components/probability-bars';
import { VoteAgreement } from '../../../components/vote-agreement';
import { ProbabilityTable } from '../../../components/probability-table';
import { VoteTable } from '../../../components/vote-table';
import { exploreHref } from '../../../explore/explore-params';
import { graphql } from '../../../gql';
import { runQuery } from '../../../graphql/client';

export const dynamic = 'force-dynamic';

const FaceQuery = graphql(`
  query Face($id: ID!) {
    image(id: $id) {
      id
      datasetId
      key
      split
      imagePrivate
      goldLabel
      votes
      majority {
        label
        tied
        tiedLabels
      }
      entropyBits
      pI
      humanVotes {
        category
        votes
      }
      predictions {
        model {
          id
          name
          version
          sha256
        }
        label
        probability
        probabilities {
          label
          probability
        }
      }
      underPerturbation {
        perturbation
        votes {
          model {
            id
            name
          }
          label
          probability
          error
          changed
        }
      }
    }
  }
`);

export default async function FacePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await runQuery(FaceQuery, { id });
  if (result.error) return <ApiError error={result.error} what="this face" />;
  const image = result.data.image;
  if (!image) notFound();
  const votes = new Set(image.predictions.map((p) => p.label));
  // Keys are paths in the dataset's layout (e.g. Image/aligned/test_0001_aligned.jpg): the file name says enough.
  const name = image.key.split('/').pop() ?? image.key;

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Datasets</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={`/datasets/${encodeURIComponent(image.datasetId)}`}>{image.datasetId}</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={exploreHref(image.datasetId, {})}>Disagreements</Link>{' '}
        <span aria-hidden="true">/</span> {name}
      </nav>
      <h1>Face {name}</h1>
      <div className="face">
        <FaceImage
          id={image.id}
          isPrivate={image.imagePrivate}
          className="face-image"
          alt={`Face ${name} from ${image.datasetId}${image.goldLabel ? `, labelled ${image.goldLabel}` : ''}`}
          size={200}
        />
        <dl className="facts">
          <div>
            <dt>gold label</dt>
            <dd data-stat="gold-label">
              <span className="emotion">{image.goldLabel ?? 'none'}</span>
            </dd>
          </div>
          <div>
            <dt>split</dt>
            <dd>{image.split}</dd>
          </div>
          <div>
            <dt>key</dt>
            <dd>
              <code>{image.key}</code>
            </dd>
          </div>
          <div>
            <dt>models</dt>
            <dd>
              {image.predictions.length === 0
                ? 'none yet'
                : votes.size === 1
                  ? `all ${image.predictions.length} agree`
                  : `${votes.size} different votes from ${image.predictions.length}`}
            </dd>
          </div>
          <VoteAgreement majority={image.majority} entropyBits={image.entropyBits} pI={image.pI} />
        </dl>
      </div>
      {image.humanVotes.length > 0 && (
        <section aria-labelledby="human-votes-heading">
          <h2 id="human-votes-heading">What people said</h2>
          <HumanVoteTable votes={image.humanVotes} />
        </section>
      )}
      {image.predictions.length === 0 ? (
        <Notice tone="empty" title="No model has seen this face yet">
          <p>
            Run the models on its dataset with <code>ferbench run --dataset {image.datasetId}</code>.
          </p>
        </Notice>
      ) : (
        <>
          <section aria-labelledby="votes-heading">
            <h2 id="votes-heading">Votes</h2>
            <VoteTable predictions={image.predictions} goldLabel={image.goldLabel} datasetId={image.datasetId} />
          </section>
          <section aria-labelledby="probabilities-heading">
            <h2 id="probabilities-heading">Every model&apos;s probabilities</h2>
            <EmotionLegend />
            <ProbabilityBars predictions={image.predictions} datasetId={image.datasetId} />
            <details className="raters">
              <summary>The same as a table</summary>
              <ProbabilityTable predictions={image.predictions} />
            </details>
          </section>
        </>
      )}
      {image.underPerturbation.length > 0 && (
        <section aria-labelledby="perturbation-heading">
          <h2 id="perturbation-heading">Under perturbation</h2>
          <p className="table-note">
            The face as the models saw it under each perturbation (<code>ferbench robustness run</code>), and each model&apos;s vote with its
            probability; <span className="changed-mark">≠ clean</span> marks a vote that differs from the model&apos;s vote on the clean face.
          </p>
          <PerturbationVotes imageId={image.id} isPrivate={image.imagePrivate} name={name} columns={image.underPerturbation} />
        </section>
      )}
    </>
  );
}
