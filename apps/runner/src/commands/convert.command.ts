import { createHash } from 'node:crypto';
import { convertModelFile, SOURCE_FORMATS, type SourceFormat } from '@ferbench/convert';
import { Option, type Command } from 'commander';

/** `ferbench convert <input> --from keras|tfjs|faceapi|tflite [--architecture model.json] --out model.onnx` */
export function registerConvertCommand(program: Command): void {
  program
    .command('convert')
    .description('Convert a Keras HDF5 (full, or weights only with --architecture), TF.js (graph or layers model.json), face-api expression or TFLite model to ONNX')
    .argument('<input>', 'the .h5/.hdf5 file, the TF.js model.json, face-api\'s *-weights_manifest.json, or the .tflite file')
    .addOption(new Option('--from <format>', 'source format').choices(SOURCE_FORMATS).makeOptionMandatory())
    .option('--architecture <file>', 'keras: the model JSON (as model.to_json() writes it) for a weights-only .h5; weights are assigned in the file\'s order')
    .requiredOption('--out <file>', 'where to write the .onnx file')
    .action(async (input: string, options: { from: SourceFormat; out: string; architecture?: string }) => {
      const bytes = await convertModelFile(input, options.from, options.out, { architecture: options.architecture });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      console.log(`${options.out}: ${bytes.length} bytes, sha256 ${sha256}`);
    });
}
