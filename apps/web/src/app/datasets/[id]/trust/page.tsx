import { notFound } from 'next/navigation';
import { ApiError } from '../../../../components/api-error';
import { CalibrationDefinitions } from '../../../../components/calibration-definitions';
import { GatedKappaChart } from '../../../../components/charts/gated-kappa-chart';
import { RiskCoverageChart } from '../../../../components/charts/risk-coverage-chart';
import { DatasetHeader } from '../../../../components/dataset-header';
import { graphql } from '../../../../gql';
import { runQuery } from '../../../../graphql/client';
import { renderedOnFirstVisit } from '../../../../graphql/rendered-on-visit';

// ISR: see renderedOnFirstVisit.
export const revalidate = 2;
export const generateStaticParams = renderedOnFirstVisit;

const DatasetHeaderQuery = graphql(`
  query TrustDatasetHeader($id: ID!) {
    dataset(id: $id) {
      ...DatasetHeaderFields
    }
  }
`);

const TrustQuery = graphql(`
  query DatasetTrust($id: ID!) {
    gatedAgreement(dataset: $id) {
      models {
        id
      }
      nComplete
      points {
        threshold
        nFaces
        coverage
        kappa
        se
      }
    }
    calibration(dataset: $id) {
      model {
        id
      }
      n
      aurc
      riskCoverage {
        coverage
        risk
        threshold
      }
    }
  }
`);

/** Confidence gating (κ among the models against τ) and every model's risk–coverage curve: the study's "act only on confident predictions", measured. */
export default async function TrustPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [header, trust] = await Promise.all([runQuery(DatasetHeaderQuery, { id }), runQuery(TrustQuery, { id })]);
  if (header.error) return <ApiError error={header.error} what="the dataset" />;
  if (!header.data.dataset) notFound();
  return (
    <>
      <DatasetHeader dataset={header.data.dataset} current="trust" />
      {trust.error ? (
        <ApiError error={trust.error} what="confidence gating and risk–coverage" />
      ) : (
        <section aria-labelledby="trust-heading" className="trust">
          <h2 id="trust-heading">What to trust: confidence gating</h2>
          <p>
            The study ends with advice: act only on confident predictions. Do the models agree more where all of them are sure, and how many
            faces does that leave? κ is over the faces where every one of the {trust.data.gatedAgreement.models.length} models (ensembles left
            out) has a confidence of at least τ.
          </p>
          <GatedKappaChart points={trust.data.gatedAgreement.points} nModels={trust.data.gatedAgreement.models.length} nComplete={trust.data.gatedAgreement.nComplete} />
          <h3>Risk–coverage of every model</h3>
          <RiskCoverageChart series={trust.data.calibration.map((c) => ({ model: c.model.id, aurc: c.aurc ?? null, n: c.n, points: c.riskCoverage }))} />
          <CalibrationDefinitions />
        </section>
      )}
    </>
  );
}
