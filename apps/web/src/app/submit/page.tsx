import type { Metadata } from 'next';
import { SubmitModelFlow } from '../../components/submit/submit-model-flow';
import '../forms.css';

export const metadata: Metadata = { title: 'Submit a model' };

export default function SubmitPage() {
  return (
    <>
      <h1>Submit a model</h1>
      <p className="lede">
        Upload an ONNX file with an API token, describe it in the card below (prefilled from the file where the file
        says), and the workers predict every face of every dataset with it. The status page follows the work until the
        model is on the leaderboards.
      </p>
      <SubmitModelFlow />
    </>
  );
}
