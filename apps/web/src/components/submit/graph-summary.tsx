import type { GraphDescription, GraphTensor } from '../../submit/graph-prefill';

const describe = (t: GraphTensor) => `${t.name}: ${t.type ?? 'not a tensor'} [${t.shape.join(' × ')}]`;

/** The uploaded file's inputs and outputs as onnxruntime read them: what the form was prefilled from. */
export function GraphSummary({ graph }: { graph: GraphDescription }) {
  return (
    <dl className="facts graph-summary">
      <div>
        <dt>graph inputs</dt>
        <dd>{graph.inputs.map(describe).join('; ') || 'none'}</dd>
      </div>
      <div>
        <dt>graph outputs</dt>
        <dd>{graph.outputs.map(describe).join('; ') || 'none'}</dd>
      </div>
    </dl>
  );
}
