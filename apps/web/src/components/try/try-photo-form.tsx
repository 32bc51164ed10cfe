'use client';

import { useEffect, useState } from 'react';
import type { TriedPhoto } from '../../try/tried-photo';
import { PhotoFaces } from './photo-faces';
import { FaceVotes } from './face-votes';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string } | { kind: 'done'; result: TriedPhoto };

/** Choose a photo, send it (through this app) to POST /try-photo, and show every face with every model's vote. */
export function TryPhotoForm() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  useEffect(() => {
    if (file === null) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (file === null) return setState({ kind: 'error', message: 'Choose a JPEG or PNG photo first.' });
    setState({ kind: 'busy' });
    try {
      const response = await fetch('/try/photo', { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
      const body = (await response.json().catch(() => ({}))) as Partial<TriedPhoto> & { error?: { message: string } };
      if (!response.ok || body.faces === undefined) setState({ kind: 'error', message: body.error?.message ?? `The server could not try the photo (HTTP ${response.status}).` });
      else setState({ kind: 'done', result: body as TriedPhoto });
    } catch (failure) {
      setState({ kind: 'error', message: `The photo did not reach this server: ${failure instanceof Error ? failure.message : String(failure)}` });
    }
  }

  return (
    <>
      <form className="submit-form" onSubmit={send} aria-label="Try a photo" noValidate>
        <div className="form-field">
          <label htmlFor="photo">Photo (JPEG or PNG, up to 10 MiB)</label>
          <input
            id="photo"
            name="photo"
            type="file"
            accept="image/jpeg,image/png"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ kind: 'idle' });
            }}
          />
        </div>
        <button type="submit" disabled={state.kind === 'busy'} aria-busy={state.kind === 'busy'}>
          {state.kind === 'busy' ? 'Asking every model…' : 'Ask the models'}
        </button>
      </form>
      <div aria-live="polite">
        {state.kind === 'busy' && (
          <p className="loading" role="status">
            Finding faces and asking every model…
          </p>
        )}
        {state.kind === 'error' && (
          <section className="notice notice-error" role="alert">
            <h2>The photo could not be tried</h2>
            <p>{state.message}</p>
          </section>
        )}
        {state.kind === 'done' && state.result.faces.length === 0 && (
          <section className="notice" role="status">
            <h2>No face found</h2>
            <p>The detector found no face in this photo. Try one where a face is clearly visible and not too small.</p>
          </section>
        )}
      </div>
      {preview !== null && <PhotoFaces src={preview} result={state.kind === 'done' ? state.result : null} />}
      {state.kind === 'done' && state.result.faces.length > 0 && <FaceVotes result={state.result} />}
    </>
  );
}
