import type { Metadata } from 'next';
import { TryPhotoForm } from '../../components/try/try-photo-form';
import '../forms.css';

export const metadata: Metadata = { title: 'Try a photo' };

export default function TryPage() {
  return (
    <>
      <h1>Try a photo</h1>
      <p className="lede">
        Choose a photo with a face. The server finds every face, aligns or crops it as each model&apos;s card says, and
        every registered model votes: here is how much they disagree on <em>your</em> face. The photo is processed in
        memory and not stored.
      </p>
      <TryPhotoForm />
    </>
  );
}
