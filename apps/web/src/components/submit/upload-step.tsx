'use client';

import { useState } from 'react';
import type { GraphDescription } from '../../submit/graph-prefill';

export interface UploadedFile {
  id: string;
  sha256: string;
  bytes: number;
  expiresAt: string;
  fileName: string;
  graph: GraphDescription | null;
}

/**
 * Step 1: the API token and the ONNX file, sent through this app to POST /model-uploads. The token lives in this
 * form's memory only (never stored, never put in a URL); the parent keeps it for step 2.
 */
export function UploadStep({ onUploaded }: { onUploaded: (upload: UploadedFile, token: string) => void }) {
  const [token, setToken] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    if (token.trim() === '' || file === null) {
      setError(token.trim() === '' ? 'Type your API token (it starts with fbt_).' : 'Choose the ONNX file of your model.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/submit/upload', {
        method: 'POST',
        headers: { authorization: `Bearer ${token.trim()}`, 'content-type': 'application/octet-stream' },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { upload?: Omit<UploadedFile, 'fileName'>; error?: { message: string } };
      if (!response.ok || body.upload === undefined) {
        setError(body.error?.message ?? `The upload failed (HTTP ${response.status}).`);
        return;
      }
      onUploaded({ ...body.upload, fileName: file.name }, token.trim());
    } catch (failure) {
      setError(`The upload did not reach this server: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="submit-form" onSubmit={upload} aria-labelledby="upload-heading" noValidate>
      <h2 id="upload-heading">1. Upload the model file</h2>
      <div className="form-field">
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby="token-hint"
        />
        <p className="form-hint" id="token-hint">
          From the operator (<code>ferbench token create</code>). Sent with this upload and the submission only; never
          stored.
        </p>
      </div>
      <div className="form-field">
        <label htmlFor="onnx-file">ONNX file</label>
        <input id="onnx-file" name="onnx" type="file" accept=".onnx,application/octet-stream" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Uploading…' : 'Upload'}
      </button>
    </form>
  );
}
