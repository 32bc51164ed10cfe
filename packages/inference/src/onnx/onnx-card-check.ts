import type { ModelCard } from '@ferbench/shared';
import type { InferenceSession } from 'onnxruntime-node';

/** The part of an onnxruntime session that describes its graph's inputs and outputs. */
export type GraphSignature = Pick<InferenceSession, 'inputNames' | 'outputNames' | 'inputMetadata' | 'outputMetadata'>;

type Dim = number | string;

function shapeOf(metadata: InferenceSession.ValueMetadata | undefined): readonly Dim[] | undefined {
  return metadata?.isTensor ? metadata.shape : undefined;
}

/**
 * Where a card disagrees with the ONNX graph it describes, as sentences naming the card field. Symbolic
 * dimensions (a dynamic batch, say) match any number.
 */
export function cardGraphMismatches(card: ModelCard, graph: GraphSignature): string[] {
  const problems: string[] = [];
  const { input, output } = card;
  const inputIndex = graph.inputNames.indexOf(input.name);
  if (inputIndex === -1) problems.push(`input.name: the graph has no input "${input.name}" (its inputs: ${graph.inputNames.join(', ')})`);
  else if (graph.inputNames.length > 1) problems.push(`input.name: the graph takes ${graph.inputNames.length} inputs (${graph.inputNames.join(', ')}); the runner feeds one`);
  const inputMeta = graph.inputMetadata[inputIndex];
  const inputShape = shapeOf(inputMeta);
  if (inputMeta?.isTensor && inputMeta.type !== 'float32') problems.push(`input.name: input "${input.name}" is ${inputMeta.type}, the runner feeds float32`);
  if (inputShape !== undefined) {
    const expected: [string, number | 'dynamic'][] =
      input.layout === 'NCHW'
        ? [['input.batch', input.batch], ['input.channels', input.channels], ['input.height', input.height], ['input.width', input.width]]
        : [['input.batch', input.batch], ['input.height', input.height], ['input.width', input.width], ['input.channels', input.channels]];
    if (inputShape.length !== 4) problems.push(`input.layout: ${input.layout} needs a rank-4 input, "${input.name}" has shape [${inputShape.join(', ')}]`);
    else
      expected.forEach(([field, want], axis) => {
        const got = inputShape[axis];
        if (typeof got === 'number' && got !== want)
          problems.push(`${field}: card says ${want}, the graph's "${input.name}" has ${got} on axis ${axis} of [${inputShape.join(', ')}] (layout ${input.layout})`);
      });
  }
  const outputIndex = graph.outputNames.indexOf(output.name);
  if (outputIndex === -1) problems.push(`output.name: the graph has no output "${output.name}" (its outputs: ${graph.outputNames.join(', ')})`);
  const outputShape = shapeOf(graph.outputMetadata[outputIndex]);
  if (outputShape !== undefined) {
    const classes = outputShape[outputShape.length - 1];
    if (outputShape.length !== 2) problems.push(`output.name: expected a [batch, classes] output, "${output.name}" has shape [${outputShape.join(', ')}]`);
    else if (typeof classes === 'number' && classes !== output.labels.length)
      problems.push(`output.labels: card lists ${output.labels.length} labels, the graph's "${output.name}" has ${classes} classes`);
  }
  return problems;
}
