// Plain-text tables for the admin subcommands: columns padded to their widest cell, two spaces
// apart, no trailing spaces, no colours (output stays readable when piped or logged). Cells are
// one line: control characters become spaces; callers shorten long text with firstLine().

export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const clean = (cell: string | undefined): string => (cell ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const all = [headers.map(clean), ...rows.map((row) => headers.map((_, i) => clean(row[i])))];
  const widths = headers.map((_, column) => Math.max(...all.map((row) => [...row[column]!].length)));
  return all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]! + cell.length - [...cell].length))).join('  ').trimEnd()).join('\n');
}

/** "Key:  value" lines, values aligned. */
export function renderFields(fields: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...fields.map(([key]) => key.length + 1));
  return fields.map(([key, value]) => `${`${key}:`.padEnd(width)}  ${value}`.trimEnd()).join('\n');
}

/** Indents every line of `text`. */
export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${by}${line}`))
    .join('\n');
}

/** The first line of `text`, cut to `max` characters with an ellipsis. */
export function firstLine(text: string | undefined, max = 80): string {
  const line = (text ?? '').split(/\r?\n/, 1)[0]!.trim();
  return [...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line;
}
