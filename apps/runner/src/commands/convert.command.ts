import { createHash } from 'node:crypto';
import { convertModelFile, SOURCE_FORMATS, type SourceFormat } from '@ferbench/convert';
import { Option, type Command } from 'commander';

/** `ferbench convert <input> --from keras|tfjs|faceapi --out model.onnx` */
export function registerConvertCommand(program: Command): void {
  program
    .command('convert')
    .description('Convert a Keras HDF5, TF.js (graph or layers model.json) or face-api expression model to ONNX')
    .argument('<input>', 'the .h5/.hdf5 file, the TF.js model.json, or face-api\'s *-weights_manifest.json')
    .addOption(new Option('--from <format>', 'source format').choices(SOURCE_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write the .onnx file')
    .action(async (input: string, options: { from: SourceFormat; out: string }) => {
      const bytes = await convertModelFile(input, options.from, options.out);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      console.log(`${options.out}: ${bytes.length} bytes, sha256 ${sha256}`);
    });
}
