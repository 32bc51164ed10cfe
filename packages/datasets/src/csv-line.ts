
/**
 * The cells of one CSV line (RFC 4180: comma-separated, "quoted" cells may hold commas and "" for a quote), or a
 * string saying why it cannot be read. Lines are read one at a time, so a quoted cell cannot span lines.
 */
export function csvCells(line: string): string[] | string {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      let cell = '';
      at++;
      for (;;) {
        const quote = line.indexOf('"', at);
        if (quote === -1) return `unterminated quoted cell at column ${cells.length + 1}`;
        cell += line.slice(at, quote);
        at = quote + 1;
        if (line[at] !== '"') break;
        cell += '"';
        at++;
      }
      cells.push(cell);
      if (at < line.length && line[at] !== ',') return `text after the closing quote of column ${cells.length}`;
    } else {
      const comma = line.indexOf(',', at);
      cells.push(line.slice(at, comma === -1 ? line.length : comma));
      at = comma === -1 ? line.length : comma;
    }
    if (at >= line.length) return cells;
    at++; // the comma
  }
}

/** The index of each wanted column in a header row (names compared trimmed, case-insensitively); -1 where absent. */
export function headerColumns<K extends string>(header: readonly string[], wanted: Readonly<Record<K, string>>): Record<K, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  return Object.fromEntries(Object.entries(wanted).map(([key, name]) => [key, names.indexOf((name as string).toLowerCase())])) as Record<K, number>;
}
