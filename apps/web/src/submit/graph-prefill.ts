import type { CardFields, LabelRow } from './card-fields';

/** One tensor of an uploaded file, as POST /model-uploads describes it. */
export interface GraphTensor {
  name: string;
  type: string | null;
  shape: (number | string)[];
}

export interface GraphDescription {
  inputs: GraphTensor[];
  outputs: GraphTensor[];
}

const isChannels = (d: number | string | undefined) => d === 1 || d === 3;

/**
 * What the uploaded graph says about the card: tensor names, layout, size, channels, fixed batch and the number of
 * classes. A 4-d input whose last dimension is 1 or 3 (and whose second is not) is read as NHWC. Only what the graph
 * determines is filled in; preprocessing numbers and label names stay the person's to give.
 */
export function prefillFromGraph(fields: CardFields, graph: GraphDescription): CardFields {
  const next = { ...fields };
  const input = graph.inputs[0];
  const output = graph.outputs[0];
  if (input) {
    next.inputName = input.name;
    const [batch, d1, d2, d3] = input.shape;
    if (input.shape.length === 4) {
      const nhwc = isChannels(d3) && !isChannels(d1);
      const [height, width, channels] = nhwc ? [d1, d2, d3] : [d2, d3, d1];
      if (typeof height === 'number') next.height = String(height);
      if (typeof width === 'number') next.width = String(width);
      next.layout = nhwc ? 'NHWC' : 'NCHW';
      if (isChannels(channels)) {
        next.channels = String(channels);
        next.colorSpace = channels === 1 ? 'grayscale' : fields.colorSpace === 'grayscale' ? 'rgb' : fields.colorSpace;
        const perChannel = (text: string, fallback: string) => {
          const values = text.split(',').map((v) => v.trim()).filter(Boolean);
          return values.length === channels ? text : Array.from({ length: channels }, (_, k) => values[k] ?? fallback).join(', ');
        };
        next.mean = perChannel(fields.mean, '0');
        next.std = perChannel(fields.std, '1');
      }
    }
    next.batch = typeof batch === 'number' ? String(batch) : 'dynamic';
  }
  if (output) {
    next.outputName = output.name;
    const classes = output.shape[output.shape.length - 1];
    if (typeof classes === 'number' && classes >= 2 && classes <= 100) {
      next.labels = Array.from({ length: classes }, (_, k): LabelRow => fields.labels[k] ?? { name: '', emotion: '' });
    }
  }
  return next;
}
