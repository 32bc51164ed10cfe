'use client';

import { EMOTIONS, ModelCardError, validateModelCard } from '@ferbench/shared';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { type CardFields, cardFromFields, EMPTY_CARD_FIELDS, problemsByField } from '../../submit/card-fields';
import { prefillFromGraph } from '../../submit/graph-prefill';
import { FormField } from './form-field';
import { GraphSummary } from './graph-summary';
import type { UploadedFile } from './upload-step';

type TextKey = Exclude<keyof CardFields, 'labels'>;

interface FieldSpec {
  key: TextKey;
  /** The card path the card check names in its problems. */
  path: string;
  label: string;
  options?: readonly string[];
  multiline?: boolean;
  hint?: string;
  inputMode?: 'decimal' | 'numeric';
}

const ABOUT: FieldSpec[] = [
  { key: 'id', path: 'id', label: 'Model id', hint: 'A slug: lowercase letters, digits, ".", "_" or "-". It names the model everywhere.' },
  { key: 'name', path: 'name', label: 'Name' },
  { key: 'version', path: 'version', label: 'Version' },
  { key: 'sourceUrl', path: 'source.url', label: 'Source URL', hint: 'Where the weights come from.' },
  { key: 'licence', path: 'source.licence', label: 'Licence' },
  { key: 'trainingData', path: 'trainingData', label: 'Training data', multiline: true },
  { key: 'architecture', path: 'architecture', label: 'Architecture', multiline: true },
  { key: 'notes', path: 'notes', label: 'Notes (optional)', multiline: true },
];

const INPUT: FieldSpec[] = [
  { key: 'inputName', path: 'input.name', label: 'Input tensor name' },
  { key: 'layout', path: 'input.layout', label: 'Layout', options: ['NCHW', 'NHWC'] },
  { key: 'width', path: 'input.width', label: 'Width (pixels)', inputMode: 'numeric' },
  { key: 'height', path: 'input.height', label: 'Height (pixels)', inputMode: 'numeric' },
  { key: 'channels', path: 'input.channels', label: 'Channels', options: ['1', '3'] },
  { key: 'colorSpace', path: 'input.colorSpace', label: 'Colour space', options: ['grayscale', 'rgb', 'bgr'] },
  { key: 'crop', path: 'input.crop', label: 'Crop', options: ['none', 'detect', 'align'], hint: 'none: the face crop as the dataset has it; detect: the detected box; align: 5-point alignment.' },
  { key: 'margin', path: 'input.margin', label: 'Margin (optional)', inputMode: 'decimal', hint: 'Extra margin around a detected box, as a fraction of its size.' },
  { key: 'resize', path: 'input.resize', label: 'Resize', options: ['nearest', 'linear', 'cubic', 'lanczos3'] },
  { key: 'scale', path: 'input.scale', label: 'Scale', inputMode: 'decimal', hint: "x' = (x × scale − mean) / std per channel, x a 0–255 pixel value." },
  { key: 'mean', path: 'input.mean', label: 'Mean', hint: 'One number per channel, separated by commas.' },
  { key: 'std', path: 'input.std', label: 'Std', hint: 'One number per channel, separated by commas.' },
  { key: 'batch', path: 'input.batch', label: 'Batch', hint: 'A fixed batch size, or "dynamic".' },
];

const OUTPUT: FieldSpec[] = [
  { key: 'outputName', path: 'output.name', label: 'Output tensor name' },
  { key: 'outputKind', path: 'output.kind', label: 'Output kind', options: ['logits', 'probabilities'] },
];

/**
 * Step 2: the card, written by a form (prefilled from the uploaded graph), checked in the browser with the same
 * validateModelCard the server uses, each problem shown next to its field; then submitModel, and on to the
 * submission's status page.
 */
export function CardStep({ upload, token }: { upload: UploadedFile; token: string }) {
  const router = useRouter();
  const [fields, setFields] = useState<CardFields>(() => (upload.graph ? prefillFromGraph(EMPTY_CARD_FIELDS, upload.graph) : EMPTY_CARD_FIELDS));
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map());
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const set = (key: TextKey, value: string) => setFields((f) => ({ ...f, [key]: value }));
  const setLabel = (k: number, part: 'name' | 'emotion', value: string) =>
    setFields((f) => ({ ...f, labels: f.labels.map((l, i) => (i === k ? { ...l, [part]: value } : l)) }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setServerError(null);
    const card = cardFromFields(fields, upload.sha256);
    try {
      validateModelCard(card, 'card');
    } catch (error) {
      if (!(error instanceof ModelCardError)) throw error;
      setProblems(problemsByField(error.problems));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setProblems(new Map());
    setBusy(true);
    try {
      const response = await fetch('/submit/model', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ uploadId: upload.id, card }),
      });
      const body = (await response.json().catch(() => ({}))) as { submission?: { id: string }; error?: { message: string } };
      if (body.submission) {
        router.push(`/submissions/${encodeURIComponent(body.submission.id)}`);
        return;
      }
      setServerError(body.error?.message ?? `The submission failed (HTTP ${response.status}).`);
      requestAnimationFrame(() => summary.current?.focus());
    } catch (failure) {
      setServerError(`The submission did not reach this server: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  const field = (spec: FieldSpec) => (
    <FormField key={spec.key} id={`card-${spec.key}`} label={spec.label} hint={spec.hint} problems={problems.get(spec.path)}>
      {(control) =>
        spec.options ? (
          <select {...control} value={fields[spec.key]} onChange={(e) => set(spec.key, e.target.value)}>
            {spec.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        ) : spec.multiline ? (
          <textarea {...control} rows={2} value={fields[spec.key]} onChange={(e) => set(spec.key, e.target.value)} />
        ) : (
          <input {...control} type="text" inputMode={spec.inputMode} spellCheck={false} value={fields[spec.key]} onChange={(e) => set(spec.key, e.target.value)} />
        )
      }
    </FormField>
  );
  const allProblems = [...problems.values()].flat();
  const labelProblems = [...(problems.get('output.labels') ?? []), ...(problems.get('output.labelMap') ?? [])];

  return (
    <form className="submit-form" onSubmit={submit} aria-labelledby="card-heading" noValidate>
      <h2 id="card-heading">2. Describe it: the model card</h2>
      <p>
        Uploaded <code>{upload.fileName}</code> ({upload.bytes.toLocaleString('en-US')} bytes, sha256 <code data-full={upload.sha256}>{upload.sha256}</code>
        ); it waits until {new Date(upload.expiresAt).toISOString().slice(11, 16)} UTC for its card.
      </p>
      {upload.graph ? (
        <GraphSummary graph={upload.graph} />
      ) : (
        <p className="form-error" role="alert">
          onnxruntime cannot load this file, so nothing could be filled in; submitting will say why it is refused.
        </p>
      )}
      <div ref={summary} tabIndex={-1} className="form-summary">
        {(allProblems.length > 0 || serverError !== null) && (
          <div role="alert" className="notice notice-error">
            <h3>{serverError !== null ? 'The server refused the submission' : `The card has ${allProblems.length} problem${allProblems.length === 1 ? '' : 's'}`}</h3>
            {serverError !== null ? <pre className="log">{serverError}</pre> : <ul>{allProblems.map((p) => <li key={p}>{p}</li>)}</ul>}
          </div>
        )}
      </div>
      <fieldset>
        <legend>About the model</legend>
        {ABOUT.map(field)}
      </fieldset>
      <fieldset>
        <legend>Input: how a face becomes a tensor</legend>
        {INPUT.map(field)}
      </fieldset>
      <fieldset>
        <legend>Output: what the numbers mean</legend>
        {OUTPUT.map(field)}
        <table className="data-table compact label-rows">
          <caption>Classes in output order, each with its canonical emotion</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Label</th>
              <th scope="col">Canonical emotion</th>
            </tr>
          </thead>
          <tbody>
            {fields.labels.map((label, k) => (
              <tr key={k}>
                <td>{k}</td>
                <td>
                  <input aria-label={`Label ${k} name`} type="text" spellCheck={false} value={label.name} onChange={(e) => setLabel(k, 'name', e.target.value)} />
                </td>
                <td>
                  <select aria-label={`Label ${k} emotion`} value={label.emotion} onChange={(e) => setLabel(k, 'emotion', e.target.value)}>
                    <option value="">none</option>
                    {EMOTIONS.map((emotion) => (
                      <option key={emotion}>{emotion}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="label-buttons">
          <button type="button" onClick={() => setFields((f) => ({ ...f, labels: [...f.labels, { name: '', emotion: '' }] }))}>
            Add a class
          </button>
          <button type="button" disabled={fields.labels.length === 0} onClick={() => setFields((f) => ({ ...f, labels: f.labels.slice(0, -1) }))}>
            Remove the last class
          </button>
        </div>
        {labelProblems.length > 0 && (
          <ul className="form-error">
            {labelProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Submitting…' : 'Submit the model'}
      </button>
    </form>
  );
}
