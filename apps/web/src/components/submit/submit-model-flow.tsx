'use client';

import { useState } from 'react';
import { CardStep } from './card-step';
import { type UploadedFile, UploadStep } from './upload-step';

/** Upload, then the card: the token typed in step 1 stays in this component's memory for step 2, nowhere else. */
export function SubmitModelFlow() {
  const [uploaded, setUploaded] = useState<{ upload: UploadedFile; token: string } | null>(null);
  return uploaded === null ? (
    <UploadStep onUploaded={(upload, token) => setUploaded({ upload, token })} />
  ) : (
    <>
      <CardStep upload={uploaded.upload} token={uploaded.token} />
      <p>
        <button type="button" className="link-button" onClick={() => setUploaded(null)}>
          Upload another file instead
        </button>
      </p>
    </>
  );
}
