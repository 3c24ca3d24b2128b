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

/** A CSV file to download: a byte-order mark so spreadsheet programs read UTF-8 (Czech, Japanese, Arabic). */
export function csvDownload(csv: string, filename: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

type UserForCsv = {
  email: string;
  displayName: string | null;
  status: string;
  licenses: readonly string[];
  isSiteAdmin: boolean;
  isDirectorySynced: boolean;
  lastSignInAt: Date | null;
  deactivatedAt: Date | null;
};

/** The users list as CSV: one row per user, times in UTC (ISO 8601). */
export function usersCsv(users: readonly UserForCsv[]): string {
  return toCsv([
    ['email', 'display_name', 'status', 'licenses', 'site_admin', 'directory_synced', 'last_sign_in_utc', 'deactivated_on_utc'],
    ...users.map((user) => [
      user.email,
      user.displayName,
      user.status,
      user.licenses.join('; '),
      user.isSiteAdmin,
      user.isDirectorySynced,
      user.lastSignInAt?.toISOString() ?? null,
      user.deactivatedAt?.toISOString() ?? null,
    ]),
  ]);
}
