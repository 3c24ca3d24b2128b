/**
 * Structured log lines on stderr (one JSON object each). Callers pass event
 * names and small facts, never email addresses or other personal data: nothing
 * here knows how to redact, so nothing personal may come in.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, error: unknown, fields?: Fields) =>
    write('error', event, { ...fields, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
};
