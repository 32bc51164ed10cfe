import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import { preprocessingSummary } from './preprocessing-summary.js';
import type { ZooManifest } from './zoo-manifest.js';
import { describeOrigin } from './zoo-origin.js';

/** One row of `ferbench zoo list`. */
export interface ZooListing {
  id: string;
  name: string;
  trainingData: string;
  licence: string;
  preprocessing: string;
  /** "folder <path>", "npm <package>@<version>" or "missing". */
  source: string;
  /** Registered with this ONNX sha256; null: not installed. */
  installedSha256: string | null;
  /** Registered, but with a card other than the manifest's (installed some other way, or an older manifest). */
  cardDiffers: boolean;
}

/** Every manifest model and variant: what it is, where its files would come from, and whether it is registered. */
export async function listZoo(pool: pg.Pool, manifest: ZooManifest, modelsDir: string): Promise<ZooListing[]> {
  // a variant shares its model's files, so its source is the model's
  const cards = manifest.models.flatMap((model) => [model.card, ...(model.variants ?? [])].map((card) => ({ model, card })));
  const { rows } = await pool.query<{ id: string; sha256: string; card: Record<string, unknown> }>('SELECT id, sha256, card FROM models WHERE id = ANY($1)', [
    cards.map((c) => c.card.id),
  ]);
  const registered = new Map(rows.map((r) => [r.id, r]));
  return cards.map(({ model, card: zooCard }) => {
    const row = registered.get(zooCard.id);
    const { file: _file, sha256: _sha256, ...card } = row?.card ?? {};
    return {
      id: zooCard.id,
      name: zooCard.name,
      trainingData: zooCard.trainingData,
      licence: zooCard.source.licence,
      preprocessing: preprocessingSummary(zooCard.input),
      source: describeOrigin(model, modelsDir),
      installedSha256: row?.sha256 ?? null,
      cardDiffers: row !== undefined && !isDeepStrictEqual(card, zooCard),
    };
  });
}

/** One model as `ferbench zoo list` prints it: a heading line, then one labelled line per fact. */
export function formatZooListing(l: ZooListing): string {
  const installed = l.installedSha256 === null ? 'no' : `yes, ONNX sha256 ${l.installedSha256}${l.cardDiffers ? ' (registered with a card other than the manifest\'s)' : ''}`;
  return [
    `${l.id}  ${l.name}`,
    `  trained on     ${l.trainingData}`,
    `  licence        ${l.licence}`,
    `  preprocessing  ${l.preprocessing}`,
    `  source         ${l.source}`,
    `  installed      ${installed}`,
  ].join('\n');
}
