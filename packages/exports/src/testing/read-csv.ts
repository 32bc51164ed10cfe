import { readFileSync } from 'node:fs';

/** RFC 4180 records of a file (quoted fields with doubled quotes and line breaks), header first. */
export function readCsv(file: string): { columns: string[]; rows: string[][] } {
  const text = readFileSync(file, 'utf8');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n') record.push(field), records.push(record), (record = []), (field = '');
    else field += c;
  }
  if (field !== '' || record.length > 0) record.push(field), records.push(record);
  const [columns, ...rows] = records;
  return { columns: columns ?? [], rows };
}
