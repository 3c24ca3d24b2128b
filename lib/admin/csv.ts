/**
 * CSV for spreadsheets (RFC 4180, CRLF). A cell that a spreadsheet would run as
 * a formula (=, +, -, @, tab, carriage return at the start) is prefixed with an
 * apostrophe: comments and search queries come from anyone.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
