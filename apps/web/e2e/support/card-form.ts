import type { ModelCard } from '@ferbench/shared';
import type { Page } from 'playwright-core';

/** Uploads `onnx` on /submit with `token` and waits for the card step (prefilled from the file's graph). */
export async function uploadOnSubmitPage(page: Page, webUrl: string, token: string, onnx: string): Promise<void> {
  await page.goto(`${webUrl}submit`);
  await page.getByLabel('API token').fill(token);
  await page.getByLabel('ONNX file').setInputFiles(onnx);
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByRole('heading', { name: '2. Describe it: the model card' }).waitFor();
}

/** Fills what the graph cannot tell of the card step with `card`'s values, under `submitted`'s id and name. */
export async function fillCardForm(page: Page, card: ModelCard, submitted: { id: string; name: string }): Promise<void> {
  const text: [string, string][] = [
    ['Model id', submitted.id],
    ['Name', submitted.name],
    ['Version', card.version],
    ['Source URL', card.source.url],
    ['Licence', card.source.licence],
    ['Training data', card.trainingData],
    ['Architecture', card.architecture],
    ['Scale', String(card.input.scale)],
    ['Mean', card.input.mean.join(', ')],
    ['Std', card.input.std.join(', ')],
    ['Notes (optional)', card.notes ?? ''],
  ];
  for (const [label, value] of text) await page.getByLabel(label, { exact: true }).fill(value);
  for (const [label, value] of [['Crop', card.input.crop], ['Resize', card.input.resize], ['Output kind', card.output.kind]] as const)
    await page.getByLabel(label, { exact: true }).selectOption(value);
  for (const [k, label] of card.output.labels.entries()) {
    await page.getByLabel(`Label ${k} name`).fill(label);
    await page.getByLabel(`Label ${k} emotion`).selectOption(card.output.labelMap[label] ?? '');
  }
}
