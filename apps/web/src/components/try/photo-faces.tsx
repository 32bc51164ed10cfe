import type { CSSProperties } from 'react';
import type { TriedPhoto } from '../../try/tried-photo';

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(3)}%`;

/** The chosen photo (from the browser's memory) with a numbered box on each face the detector found. */
export function PhotoFaces({ src, result }: { src: string; result: TriedPhoto | null }) {
  return (
    <figure className="photo-faces">
      <div className="photo-frame">
        {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL, never sent for optimisation */}
        <img src={src} alt={result ? `Your photo, ${result.faces.length} face${result.faces.length === 1 ? '' : 's'} found` : 'Your photo'} />
        {result?.faces.map((face, k) => {
          const style: CSSProperties = {
            left: percent(face.box.x, result.photo.width),
            top: percent(face.box.y, result.photo.height),
            width: percent(face.box.width, result.photo.width),
            height: percent(face.box.height, result.photo.height),
          };
          return (
            <span key={k} className="face-box" style={style} data-face={k + 1} aria-hidden="true">
              <span className="face-box-number">{k + 1}</span>
            </span>
          );
        })}
      </div>
      {result && (
        <figcaption className="muted">
          {result.photo.width}×{result.photo.height} pixels, {result.photo.bytes.toLocaleString('en-US')} bytes, sha256{' '}
          <code className="hash" data-full={result.photo.sha256}>
            {result.photo.sha256.slice(0, 12)}
          </code>
          ; faces found by {result.detector.id}{' '}
          <code className="hash" data-full={result.detector.sha256}>
            {result.detector.sha256.slice(0, 12)}
          </code>
          . Not stored.
        </figcaption>
      )}
    </figure>
  );
}
